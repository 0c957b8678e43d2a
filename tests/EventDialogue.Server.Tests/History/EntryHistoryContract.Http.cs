using System.Net;
using System.Text.Json;

namespace EventDialogue.Server.Tests.History;

/// <summary>The same two reads as JSON over HTTP/1.1, on history.proto's GET routes.</summary>
public abstract partial class EntryHistoryContract
{
    [Fact]
    public async Task Given_a_corrected_and_retracted_statement_when_its_history_and_a_past_state_are_read_by_JSON_GET_then_they_answer_as_over_gRPC()
    {
        var story = await GivenAStatementCorrectedThenRetractedAsync();
        using var client = Server.NewJsonClient();

        using var historyAnswer = await client.GetAsync(new Uri($"/v1/history/entries/{story.Stream}", UriKind.Relative));
        using var asOfAnswer = await client.GetAsync(new Uri($"/v1/history/entries/{story.Stream}/as-of?atPosition={story.Corrected}", UriKind.Relative));
        using var refusal = await client.GetAsync(new Uri($"/v1/history/entries/{story.Stream}/as-of", UriKind.Relative));

        Assert.True(historyAnswer.StatusCode == HttpStatusCode.OK, await historyAnswer.Content.ReadAsStringAsync());
        using var history = JsonDocument.Parse(await historyAnswer.Content.ReadAsStringAsync());
        Assert.True(history.RootElement.GetProperty("retracted").GetBoolean());
        var steps = history.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["StatementRecorded", "EntryCorrected", "EntryRetracted"], steps.Select(s => s.GetProperty("event").GetProperty("type").GetString()));
        Assert.Contains(steps[1].GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "text" && c.GetProperty("after").GetString() == $"\"{Words}\"");

        Assert.True(asOfAnswer.StatusCode == HttpStatusCode.OK, await asOfAnswer.Content.ReadAsStringAsync());
        using var asOf = JsonDocument.Parse(await asOfAnswer.Content.ReadAsStringAsync());
        Assert.Equal(Words, asOf.RootElement.GetProperty("statement").GetProperty("text").GetString());
        Assert.Equal(story.Corrected.ToString(System.Globalization.CultureInfo.InvariantCulture), asOf.RootElement.GetProperty("position").ToString());
        Assert.Equal(HttpStatusCode.BadRequest, refusal.StatusCode);
        Assert.Contains("at_position", await refusal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
