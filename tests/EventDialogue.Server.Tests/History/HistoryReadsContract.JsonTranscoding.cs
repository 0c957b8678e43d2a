using System.Net;
using System.Text.Json;

namespace EventDialogue.Server.Tests.History;

public abstract partial class HistoryReadsContract
{
    [Fact]
    public async Task Given_events_when_all_is_read_by_a_JSON_GET_then_they_stream_as_one_JSON_object_per_line_in_position_order()
    {
        var (sourceId, registered) = await RegisterSourceAsync(Recording);
        var first = Unique("first");
        var second = Unique("second");
        var one = await RecordStatementAsync(Recording, first, sourceId);
        var two = await RecordStatementAsync(Recording, second, sourceId);
        await WaitUntilReadableAsync($"statement-{second}", two.Position);
        var query = $"filter.streams=source-{sourceId}&filter.streams=statement-{first}&filter.streams=statement-{second}&filter.eventTypes=StatementRecorded&afterPosition={registered.Position}";

        using var http = Server.NewJsonClient();
        using var response = await http.GetAsync(new Uri($"/v1/history/events?{query}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var events = lines.Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var e = json.RootElement.GetProperty("event");
            return (Position: Int64Of(e.GetProperty("position")), Stream: e.GetProperty("stream").GetString(), Quote: e.GetProperty("source").GetProperty("quote").GetString());
        }).ToList();
        Assert.Equal([(one.Position, $"statement-{first}", "a candid discussion"), (two.Position, $"statement-{second}", "a candid discussion")], events);
    }

    [Fact]
    public async Task Given_a_bad_filter_when_all_is_read_by_a_JSON_GET_then_it_is_answered_400_naming_the_field()
    {
        using var http = Server.NewJsonClient();
        using var response = await http.GetAsync(new Uri("/v1/history/events?filter.categories=Not%20A%20Category", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.Contains("filter.categories", body, StringComparison.Ordinal);
    }

    /// <summary>An int64 as the transcoder writes it: a number, or a string as proto3's JSON mapping allows.</summary>
    private static long Int64Of(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : value.GetInt64();
}
