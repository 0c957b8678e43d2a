using EventDialogue.Api.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>CheckRequests: a sequence decided as if recorded in turn, with nothing recorded, and the first refusal named by its index.</summary>
public abstract partial class RecordingServiceContract
{
    [Fact]
    public async Task Checking_requests_that_build_on_each_other_accepts_them_all_and_records_none()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");

        var checkedRequests = await CheckAsync(Valid.HoldRound(roundId, dialogueId, sourceId), Valid.Member(roundId, sourceId), Valid.Session(roundId, sourceId));

        Assert.Equal((3, 0), (checkedRequests.NewCount, checkedRequests.ReplayedCount));
        Assert.Empty(await ReadStreamAsync($"round-{roundId}"));
    }

    [Fact]
    public async Task Checking_a_request_already_recorded_counts_it_as_a_replay()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var session = Valid.Session(roundId, sourceId);
        await Client.RecordSessionAsync(session, Call());

        var checkedRequests = await CheckAsync(session, Valid.Outcome(roundId, sourceId));

        Assert.Equal((1, 1), (checkedRequests.NewCount, checkedRequests.ReplayedCount));
        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld", "SessionHeld");
    }

    [Fact]
    public async Task The_first_request_a_check_would_refuse_is_named_by_its_index_with_the_status_its_own_call_would_get()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");
        var neverOpened = Valid.Id("case");

        var (status, info) = await RefusedCheckAsync(
            StatusCode.NotFound,
            Valid.HoldRound(roundId, dialogueId, sourceId), Valid.RaiseCase(neverOpened, roundId, sourceId), Valid.RaiseCase(Valid.Id("case"), roundId, sourceId));

        Assert.StartsWith("requests[1]: ", status.Message, StringComparison.Ordinal);
        Assert.Contains(neverOpened, status.Message, StringComparison.Ordinal);
        Assert.NotNull(status.GetDetail<ResourceInfo>());
        Assert.Equal("1", info.Metadata["request_index"]);
        Assert.Empty(await ReadStreamAsync($"round-{roundId}"));
    }

    [Fact]
    public async Task A_request_that_fits_only_once_is_refused_the_second_time_in_the_same_check()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");

        var (_, info) = await RefusedCheckAsync(StatusCode.FailedPrecondition, Valid.HoldRound(roundId, dialogueId, sourceId), Valid.HoldRound(roundId, dialogueId, sourceId));

        Assert.Equal("1", info.Metadata["request_index"]);
    }

    [Fact]
    public async Task A_check_that_reuses_a_recorded_request_id_for_another_request_is_refused_as_ALREADY_EXISTS_at_its_index()
    {
        var sourceId = await GivenSourceAsync();
        var recorded = Valid.Statement(Valid.Id("statement"), sourceId);
        await Client.RecordStatementAsync(recorded, Call());
        var elsewhere = Valid.Statement(Valid.Id("statement"), sourceId);
        elsewhere.RequestId = recorded.RequestId;

        var (status, info) = await RefusedCheckAsync(StatusCode.AlreadyExists, Valid.Statement(Valid.Id("statement"), sourceId), elsewhere);

        Assert.Equal("1", info.Metadata["request_index"]);
        Assert.Contains(status.Details, d => d.Is(ErrorInfo.Descriptor) && d.Unpack<ErrorInfo>().Reason == "REQUEST_ID_REUSED");
        Assert.Empty(await ReadStreamAsync($"statement-{elsewhere.StatementId}"));
    }

    [Fact]
    public async Task A_check_that_uses_one_request_id_for_two_different_requests_is_refused_at_the_second()
    {
        var sourceId = await GivenSourceAsync();
        var first = Valid.Statement(Valid.Id("statement"), sourceId);
        var changed = first.Clone();
        changed.Text = "Another text under the same request id.";

        var (_, info) = await RefusedCheckAsync(StatusCode.AlreadyExists, first, changed);

        Assert.Equal("1", info.Metadata["request_index"]);
        Assert.Empty(await ReadStreamAsync($"statement-{first.StatementId}"));
    }

    [Fact]
    public async Task A_bad_field_in_a_checked_request_is_named_by_its_BadRequest_and_index()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var badDates = Valid.HoldRound(Valid.Id("round"), dialogueId, sourceId);
        badDates.Dates = "13-14 May 2010";

        var violation = await InvalidAsync("dates", () => CheckAsync(badDates));

        Assert.Contains("EDTF", violation.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_check_of_something_that_is_not_a_recording_request_or_of_nothing_is_refused()
    {
        await InvalidAsync("type_url", () => CheckAsync(new GetRoundRequest { RoundId = "2010-washington" }));
        await InvalidAsync("requests", () => CheckAsync());
    }

    private async Task<CheckRequestsResponse> CheckAsync(params IMessage[] requests) =>
        await Client.CheckRequestsAsync(new CheckRequestsRequest { Requests = { requests.Select(Any.Pack) } }, Call());

    private async Task<(Google.Rpc.Status Status, ErrorInfo Refused)> RefusedCheckAsync(StatusCode code, params IMessage[] requests)
    {
        var status = await RefusedAsync(code, () => CheckAsync(requests));
        var info = status.Details.Where(d => d.Is(ErrorInfo.Descriptor)).Select(d => d.Unpack<ErrorInfo>()).SingleOrDefault(i => i.Reason == "REQUEST_REFUSED");
        Assert.True(info is not null, $"{status.Message} carries no REQUEST_REFUSED ErrorInfo.");
        return (status, info);
    }
}
