using EventDialogue.Api.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>
/// RecordRequests: a sequence decided in turn, each seeing the ones before it, appended in one transaction; each request
/// answered as its own RPC would answer it, or, all or nothing, the first refusal named by its index and nothing recorded.
/// </summary>
public abstract partial class RecordingServiceContract
{
    [Fact]
    public async Task A_round_scheduled_and_held_in_one_batch_is_recorded_in_turn_with_the_positions_the_store_gave()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");

        var outcomes = await RecordBatchAsync(false, Valid.ScheduleRound(roundId, dialogueId, sourceId), Valid.HoldRound(roundId, dialogueId, sourceId), Valid.Session(roundId, sourceId));

        var results = outcomes.Select(o => o.Result).ToList();
        Assert.All(results, r => Assert.Equal($"round-{roundId}", r.Stream));
        Assert.Equal([0L, 1L, 2L], results.Select(r => r.Revision));
        Assert.All(results, r => Assert.False(r.Replayed));
        var stored = await ReadStreamAsync($"round-{roundId}");
        Assert.Equal(["RoundScheduled", "RoundHeld", "SessionHeld"], stored.Select(e => e.Type));
        Assert.Equal(stored.Select(e => e.Position.Value), results.Select(r => r.Position));
        Assert.Equal([stored[0].Position.Value + 1, stored[0].Position.Value + 2], [stored[1].Position.Value, stored[2].Position.Value]);
    }

    [Fact]
    public async Task All_or_nothing_a_refused_request_fails_the_batch_naming_its_index_and_nothing_is_recorded()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");
        var neverOpened = Valid.Id("case");

        var status = await RefusedAsync(StatusCode.NotFound, () => RecordBatchAsync(true,
            Valid.HoldRound(roundId, dialogueId, sourceId), Valid.Session(roundId, sourceId), Valid.RaiseCase(neverOpened, roundId, sourceId)));

        Assert.StartsWith("requests[2]: ", status.Message, StringComparison.Ordinal);
        Assert.Contains(neverOpened, status.Message, StringComparison.Ordinal);
        Assert.Contains(status.Details, d => d.Is(ErrorInfo.Descriptor) && d.Unpack<ErrorInfo>() is { Reason: "REQUEST_REFUSED" } info && info.Metadata["request_index"] == "2");
        Assert.Empty(await ReadStreamAsync($"round-{roundId}"));
    }

    [Fact]
    public async Task Without_all_or_nothing_the_accepted_requests_are_recorded_and_each_refused_one_gets_the_status_its_own_call_gets()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");
        var raise = Valid.RaiseCase(Valid.Id("case"), roundId, sourceId);
        var badDates = Valid.Session(roundId, sourceId);
        badDates.Date = "13 May 2010";

        var outcomes = await RecordBatchAsync(false, Valid.HoldRound(roundId, dialogueId, sourceId), raise, badDates, Valid.Session(roundId, sourceId));

        Assert.Equal([RequestOutcome.OutcomeOneofCase.Result, RequestOutcome.OutcomeOneofCase.Refusal, RequestOutcome.OutcomeOneofCase.Refusal, RequestOutcome.OutcomeOneofCase.Result], outcomes.Select(o => o.OutcomeCase));
        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld", "SessionHeld");
        var alone = await RefusedAsync(StatusCode.NotFound, async () => await Client.RaiseCaseAsync(raise, Call()));
        Assert.Equal((alone.Code, alone.Message), (outcomes[1].Refusal.Code, outcomes[1].Refusal.Message));
        var badRequest = outcomes[2].Refusal.Details.Single(d => d.Is(BadRequest.Descriptor)).Unpack<BadRequest>();
        Assert.Equal((int)StatusCode.InvalidArgument, outcomes[2].Refusal.Code);
        Assert.Equal("date", Assert.Single(badRequest.FieldViolations).Field);
    }

    [Fact]
    public async Task A_batch_sent_again_is_answered_from_its_first_results_and_records_nothing_twice()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");
        IMessage[] requests = [Valid.HoldRound(roundId, dialogueId, sourceId), Valid.Member(roundId, sourceId), Valid.Statement(Valid.Id("statement"), sourceId, roundId)];
        var first = await RecordBatchAsync(true, requests);

        var again = await RecordBatchAsync(true, requests);

        Assert.All(again, o => Assert.True(o.Result.Replayed));
        Assert.Equal(first.Select(o => (o.Result.Stream, o.Result.Revision, o.Result.Position)), again.Select(o => (o.Result.Stream, o.Result.Revision, o.Result.Position)));
        Assert.Equal(2, (await ReadStreamAsync($"round-{roundId}")).Count);
    }

    [Fact]
    public async Task A_request_id_used_before_for_another_request_is_refused_in_the_batch_as_its_own_call_would_refuse_it()
    {
        var sourceId = await GivenSourceAsync();
        var recorded = Valid.Statement(Valid.Id("statement"), sourceId);
        await Client.RecordStatementAsync(recorded, Call());
        var reused = Valid.Statement(Valid.Id("statement"), sourceId);
        reused.RequestId = recorded.RequestId;
        var fresh = Valid.Statement(Valid.Id("statement"), sourceId);

        var outcomes = await RecordBatchAsync(false, reused, fresh);

        Assert.Equal((int)StatusCode.AlreadyExists, outcomes[0].Refusal.Code);
        Assert.Contains(outcomes[0].Refusal.Details, d => d.Is(ErrorInfo.Descriptor) && d.Unpack<ErrorInfo>().Reason == "REQUEST_ID_REUSED");
        Assert.Empty(await ReadStreamAsync($"statement-{reused.StatementId}"));
        Assert.Equal(0, outcomes[1].Result.Revision);
        await AssertStreamHoldsAsync($"statement-{fresh.StatementId}", "StatementRecorded");
    }

    [Fact]
    public async Task An_empty_batch_and_one_of_more_than_a_thousand_requests_are_refused_naming_requests()
    {
        var sourceId = await GivenSourceAsync();

        await InvalidAsync("requests", () => RecordBatchAsync(false));
        var tooMany = Enumerable.Range(0, 1001).Select(_ => (IMessage)Valid.Statement(Valid.Id("statement"), sourceId)).ToArray();
        var violation = await InvalidAsync("requests", () => RecordBatchAsync(false, tooMany));
        Assert.Contains("1000", violation.Description, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<RequestOutcome>> RecordBatchAsync(bool allOrNothing, params IMessage[] requests)
    {
        var response = await Client.RecordRequestsAsync(new RecordRequestsRequest { Requests = { requests.Select(Any.Pack) }, AllOrNothing = allOrNothing }, Call());
        Assert.Equal(requests.Length, response.Outcomes.Count);
        return response.Outcomes;
    }
}
