using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>RecordRequests as JSON over HTTP/1.1 (POST /v1/recording:recordRequests): a batch read from JSON as from gRPC.</summary>
public abstract partial class RecordingServiceContract
{
    [Fact]
    public async Task A_batch_by_JSON_POST_records_its_requests_in_turn_and_the_same_batch_posted_again_replays_them()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");
        var body = HoldThenConcludeAllOrNothing(dialogueId, sourceId, roundId, concludedOn: "2031-03-04");

        var first = await PostBatchAsync(body);
        var again = await PostBatchAsync(body);

        var stored = await ReadStreamAsync($"round-{roundId}");
        Assert.Equal(["RoundHeld", "RoundConcluded"], stored.Select(e => e.Type));
        Assert.Equal([(0L, stored[0].Position.Value, false), (1L, stored[1].Position.Value, false)], first);
        Assert.Equal([(0L, stored[0].Position.Value, true), (1L, stored[1].Position.Value, true)], again);
    }

    [Fact]
    public async Task A_batch_by_JSON_POST_all_or_nothing_with_a_refused_request_is_answered_with_its_status_naming_its_index_and_records_nothing()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");
        var body = HoldThenConcludeAllOrNothing(dialogueId, sourceId, roundId, concludedOn: "the day after");

        using var response = await PostJsonAsync("/v1/recording:recordRequests", body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.StartsWith("requests[1]: ", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ReadStreamAsync($"round-{roundId}"));
    }

    /// <summary>Each outcome's revision, position and whether it was replayed; fails on a refused one.</summary>
    private async Task<List<(long Revision, long Position, bool Replayed)>> PostBatchAsync(JsonObject body)
    {
        using var response = await PostJsonAsync("/v1/recording:recordRequests", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        return [.. json.RootElement.GetProperty("outcomes").EnumerateArray().Select(outcome =>
        {
            var result = outcome.GetProperty("result");
            var replayed = result.TryGetProperty("replayed", out var flag) && flag.GetBoolean();
            return (Int64Of(result.GetProperty("revision")), Int64Of(result.GetProperty("position")), replayed);
        })];
    }

    private static JsonObject HoldThenConcludeAllOrNothing(string dialogueId, string sourceId, string roundId, string concludedOn) => new()
    {
        ["requests"] = new JsonArray(
            new JsonObject
            {
                ["@type"] = "type.googleapis.com/eventdialogue.v1.HoldRoundRequest",
                ["request_id"] = Valid.RequestId(),
                ["round_id"] = roundId,
                ["dialogue_id"] = dialogueId,
                ["dates"] = "2031-03-03",
                ["source"] = new JsonObject { ["source_id"] = sourceId },
            },
            new JsonObject
            {
                ["@type"] = "type.googleapis.com/eventdialogue.v1.ConcludeRoundRequest",
                ["request_id"] = Valid.RequestId(),
                ["round_id"] = roundId,
                ["date"] = concludedOn,
                ["source"] = new JsonObject { ["source_id"] = sourceId },
            }),
        ["all_or_nothing"] = true,
    };
}
