using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>The same service as JSON over HTTP/1.1, on the routes of recording.proto's google.api.http annotations.</summary>
public abstract partial class RecordingServiceContract
{
    [Fact]
    public async Task Establishing_a_dialogue_by_JSON_POST_returns_the_write_result_and_records_the_event()
    {
        var sourceId = await GivenSourceAsync();
        var dialogueId = Valid.Id("dialogue");
        var requestId = Valid.RequestId();
        var body = new JsonObject
        {
            ["request_id"] = requestId,
            ["name"] = "U.S.-China Human Rights Dialogue",
            ["parties"] = new JsonArray("us", "cn"),
            ["source"] = new JsonObject { ["source_id"] = sourceId },
        };

        using var response = await PostJsonAsync($"/v1/dialogues/{dialogueId}:establish", body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        var result = json.RootElement.GetProperty("result");
        Assert.Equal($"dialogue-{dialogueId}", result.GetProperty("stream").GetString());
        Assert.Equal(1, result.GetProperty("eventCount").GetInt32());
        var events = await ReadStreamAsync($"dialogue-{dialogueId}");
        var recorded = Assert.Single(events);
        Assert.Equal("DialogueEstablished", recorded.Type);
        Assert.Equal(requestId, recorded.Metadata.CorrelationId);
        Assert.Equal(recorded.Position.Value, Int64Of(result.GetProperty("position")));
    }

    [Fact]
    public async Task Checking_requests_by_JSON_POST_reads_each_packed_request_by_its_type_and_records_nothing()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");
        var body = new JsonObject
        {
            ["requests"] = new JsonArray(
                new JsonObject
                {
                    ["@type"] = "type.googleapis.com/eventdialogue.v1.HoldRoundRequest",
                    ["round_id"] = roundId,
                    ["dialogue_id"] = dialogueId,
                    ["dates"] = "2031-03-03",
                    ["source"] = new JsonObject { ["source_id"] = sourceId },
                },
                new JsonObject
                {
                    ["@type"] = "type.googleapis.com/eventdialogue.v1.ConcludeRoundRequest",
                    ["round_id"] = roundId,
                    ["date"] = "2031-03-04",
                    ["source"] = new JsonObject { ["source_id"] = sourceId },
                }),
        };

        using var response = await PostJsonAsync("/v1/recording:checkRequests", body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.Equal(2, json.RootElement.GetProperty("newCount").GetInt32());
        Assert.Empty(await ReadStreamAsync($"round-{roundId}"));
    }

    [Fact]
    public async Task A_JSON_POST_with_the_expected_revision_and_a_path_with_two_parameters_retracts_the_entry()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        await Client.RecordSessionAsync(Valid.Session(roundId, sourceId), Call());
        var body = new JsonObject
        {
            ["request_id"] = Valid.RequestId(),
            ["expected_revision"] = new JsonObject { ["exact"] = 1 },
            ["reason"] = "recorded against the wrong round",
        };

        using var response = await PostJsonAsync($"/v1/streams/round-{roundId}/entries/1:retract", body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.Equal(2, Int64Of(json.RootElement.GetProperty("result").GetProperty("revision")));
        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld", "SessionHeld", "EntryRetracted");
    }

    [Fact]
    public async Task A_JSON_POST_with_a_blank_name_is_answered_400_with_the_message_and_a_BadRequest_naming_the_field()
    {
        var sourceId = await GivenSourceAsync();
        var dialogueId = Valid.Id("dialogue");
        var body = new JsonObject
        {
            ["request_id"] = Valid.RequestId(),
            ["name"] = " ",
            ["parties"] = new JsonArray("us", "cn"),
            ["source"] = new JsonObject { ["source_id"] = sourceId },
        };

        using var response = await PostJsonAsync($"/v1/dialogues/{dialogueId}:establish", body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.Equal(3, json.RootElement.GetProperty("code").GetInt32());
        Assert.Equal("name: is required and must not be blank", json.RootElement.GetProperty("message").GetString());
        var badRequest = json.RootElement.GetProperty("details").EnumerateArray()
            .Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest");
        Assert.Equal("name", badRequest.GetProperty("fieldViolations")[0].GetProperty("field").GetString());
        await AssertStreamHoldsAsync($"dialogue-{dialogueId}");
    }

    [Fact]
    public async Task A_JSON_POST_about_a_round_that_does_not_exist_is_answered_404()
    {
        var sourceId = await GivenSourceAsync();
        var roundId = Valid.Id("round");
        var body = new JsonObject
        {
            ["request_id"] = Valid.RequestId(),
            ["topics"] = new JsonArray("rule of law"),
            ["source"] = new JsonObject { ["source_id"] = sourceId },
        };

        using var response = await PostJsonAsync($"/v1/rounds/{roundId}:recordSession", body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.Equal(5, json.RootElement.GetProperty("code").GetInt32());
        Assert.Contains(roundId, json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostJsonAsync(string path, JsonObject body)
    {
        using var http = Server.NewJsonClient();
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>An int64 as JSON transcoding writes it: a number, or a string when the server is set to write them so.</summary>
    private static long Int64Of(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : value.GetInt64();
}
