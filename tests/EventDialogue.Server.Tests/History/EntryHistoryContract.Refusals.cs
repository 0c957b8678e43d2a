using EventDialogue.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace EventDialogue.Server.Tests.History;

public abstract partial class EntryHistoryContract
{
    [Fact]
    public async Task Given_bad_input_when_asking_for_a_history_or_a_past_state_then_the_refusal_names_the_field_or_the_missing_stream()
    {
        var s = Suffix();
        var (_, dialogueId, roundId, held) = await GivenARoundAsync(s);
        var round = $"round-{roundId}";
        var unknown = $"statement-never-recorded-{s}";

        await NotFoundAsync(unknown, async () => await History.GetEntryHistoryAsync(new GetEntryHistoryRequest { Stream = unknown }, Call()));
        await NotFoundAsync(unknown, async () => await AtPositionAsync(unknown, held));
        await InvalidAsync("stream", async () => await History.GetEntryHistoryAsync(new GetEntryHistoryRequest { Stream = "Not A Stream" }, Call()));
        await InvalidAsync("stream", async () => await History.GetEntryHistoryAsync(new GetEntryHistoryRequest(), Call()));
        await InvalidAsync("stream", async () => await AtPositionAsync("no-dash-category!", held));
        var unsupported = await InvalidAsync("stream", async () => await AtPositionAsync($"dialogue-{dialogueId}", held));
        Assert.Contains("statement", unsupported.Description, StringComparison.Ordinal);
        await InvalidAsync("at_position", async () => await History.GetEntryAsOfAsync(new GetEntryAsOfRequest { Stream = round }, Call()));
        await InvalidAsync("at_position", async () => await AtPositionAsync(round, -1));
        await InvalidAsync("at_recorded_at", async () => await History.GetEntryAsOfAsync(
            new GetEntryAsOfRequest { Stream = round, AtPosition = held, AtRecordedAt = Timestamp.FromDateTime(DateTime.UtcNow) }, Call()));
        await NotFoundAsync("did not exist yet", async () => await AtTimeAsync(round, Timestamp.FromDateTime(new DateTime(2010, 5, 13, 0, 0, 0, DateTimeKind.Utc))));
    }
}
