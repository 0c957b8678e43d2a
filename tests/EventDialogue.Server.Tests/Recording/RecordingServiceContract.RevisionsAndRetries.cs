using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>Optimistic concurrency with expected revisions, and safe retries with request ids.</summary>
public abstract partial class RecordingServiceContract
{
    // ---- Expected revisions ----

    [Fact]
    public async Task An_exact_expected_revision_that_is_current_records_at_the_next_revision()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var first = Valid.Session(roundId, sourceId);
        first.ExpectedRevision = Valid.Exact(0);
        var firstResponse = await Client.RecordSessionAsync(first, Call());
        var second = Valid.SiteVisit(roundId, sourceId);
        second.ExpectedRevision = Valid.Exact(firstResponse.Result.Revision);

        var response = await Client.RecordSiteVisitAsync(second, Call());

        Assert.Equal(2, response.Result.Revision);
        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld", "SessionHeld", "SiteVisited");
    }

    [Fact]
    public async Task A_stale_exact_expected_revision_is_refused_as_ABORTED_carrying_the_current_revision_and_appends_nothing()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        await Client.RecordSessionAsync(Valid.Session(roundId, sourceId), Call());
        var stale = Valid.SiteVisit(roundId, sourceId);
        stale.ExpectedRevision = Valid.Exact(0);

        var status = await RefusedAsync(StatusCode.Aborted, async () => await Client.RecordSiteVisitAsync(stale, Call()));

        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal("WRONG_EXPECTED_REVISION", info.Reason);
        Assert.Equal("1", info.Metadata["current_revision"]);
        Assert.Equal("0", info.Metadata["expected_revision"]);
        Assert.Equal($"round-{roundId}", info.Metadata["stream"]);
        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld", "SessionHeld");
    }

    [Fact]
    public async Task Expecting_no_stream_when_the_stream_exists_is_refused_as_ABORTED_with_its_current_revision()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();
        var request = Valid.Reaffirm(commitmentId, sourceId);
        request.ExpectedRevision = Valid.NoStream();

        var status = await RefusedAsync(StatusCode.Aborted, async () => await Client.ReaffirmCommitmentAsync(request, Call()));

        Assert.Equal("0", status.GetDetail<ErrorInfo>()?.Metadata["current_revision"]);
        await AssertStreamHoldsAsync($"commitment-{commitmentId}", "CommitmentMade");
    }

    [Fact]
    public async Task Expecting_the_stream_to_exist_when_it_does_not_is_refused_as_ABORTED_with_no_stream()
    {
        var request = Valid.Source(Valid.Id("source"));
        request.ExpectedRevision = Valid.StreamExists();

        var status = await RefusedAsync(StatusCode.Aborted, async () => await Client.RegisterSourceAsync(request, Call()));

        Assert.Equal("no-stream", status.GetDetail<ErrorInfo>()?.Metadata["current_revision"]);
        await AssertStreamHoldsAsync($"source-{request.SourceId}");
    }

    [Fact]
    public async Task Expecting_any_revision_records_whatever_the_stream_holds()
    {
        var (caseId, _, sourceId) = await GivenRaisedCaseAsync();
        var request = Valid.CaseStatus(caseId, sourceId);
        request.ExpectedRevision = Valid.Any();

        var response = await Client.ReportCaseStatusAsync(request, Call());

        await AssertRecordedAsync(response.Result, $"case-{caseId}", 2, "CaseStatusReported", request.RequestId);
    }

    [Fact]
    public async Task The_expected_revision_of_a_correction_is_about_the_stream_it_corrects()
    {
        var (caseId, roundId, sourceId) = await GivenRaisedCaseAsync();
        var stale = Valid.CorrectCaseRaised($"case-{caseId}", 1, roundId, sourceId);
        stale.ExpectedRevision = Valid.Exact(0);
        var current = Valid.CorrectCaseRaised($"case-{caseId}", 1, roundId, sourceId);
        current.ExpectedRevision = Valid.Exact(1);

        var status = await RefusedAsync(StatusCode.Aborted, async () => await Client.CorrectEntryAsync(stale, Call()));
        var response = await Client.CorrectEntryAsync(current, Call());

        Assert.Equal("1", status.GetDetail<ErrorInfo>()?.Metadata["current_revision"]);
        Assert.Equal(2, response.Result.Revision);
    }

    [Fact]
    public async Task Sessions_recorded_at_once_on_one_round_without_an_expected_revision_all_land_each_at_its_own_revision()
    {
        const int writers = 32;
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var requests = Enumerable.Range(0, writers).Select(_ => Valid.Session(roundId, sourceId)).ToList();

        var responses = await Task.WhenAll(requests.Select(async r => await Client.RecordSessionAsync(r, Call())));

        Assert.Equal(Enumerable.Range(1, writers).Select(i => (long)i), responses.Select(r => r.Result.Revision).Order());
        var events = await ReadStreamAsync($"round-{roundId}");
        Assert.Equal(writers + 1, events.Count);
        Assert.Equal(requests.Select(r => r.RequestId).Order(), events.Skip(1).Select(e => e.Metadata.CorrelationId).Order());
    }

    // ---- Retries ----

    [Fact]
    public async Task The_same_request_sent_twice_returns_the_same_response_and_the_stream_has_its_event_once()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.SiteVisit(roundId, sourceId);

        var first = await Client.RecordSiteVisitAsync(request, Call());
        var retry = await Client.RecordSiteVisitAsync(request, Call());

        Replays.AssertReplayOf(first.Result, retry.Result);
        Assert.Equal(1, first.Result.EventCount);
        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld", "SiteVisited");
    }

    [Fact]
    public async Task A_retry_after_others_wrote_to_the_stream_still_returns_the_first_result()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();
        var request = Valid.Progress(commitmentId, sourceId);
        var first = await Client.ReportCommitmentProgressAsync(request, Call());
        await Client.ReaffirmCommitmentAsync(Valid.Reaffirm(commitmentId, sourceId), Call());

        var retry = await Client.ReportCommitmentProgressAsync(request, Call());

        Replays.AssertReplayOf(first.Result, retry.Result);
        await AssertStreamHoldsAsync($"commitment-{commitmentId}", "CommitmentMade", "CommitmentProgressReported", "CommitmentReaffirmed");
    }

    [Fact]
    public async Task A_retry_whose_exact_expected_revision_its_first_attempt_made_stale_returns_the_first_result()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.Outcome(roundId, sourceId);
        request.ExpectedRevision = Valid.Exact(0);

        var first = await Client.CharacteriseOutcomeAsync(request, Call());
        var retry = await Client.CharacteriseOutcomeAsync(request, Call());

        Replays.AssertReplayOf(first.Result, retry.Result);
        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld", "OutcomeCharacterised");
    }

    [Fact]
    public async Task A_retry_of_holding_a_round_returns_the_first_result_although_holding_it_again_would_be_refused()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var request = Valid.HoldRound(Valid.Id("round"), dialogueId, sourceId);

        var first = await Client.HoldRoundAsync(request, Call());
        var retry = await Client.HoldRoundAsync(request, Call());

        Replays.AssertReplayOf(first.Result, retry.Result);
        await AssertStreamHoldsAsync($"round-{request.RoundId}", "RoundHeld");
    }

    [Fact]
    public async Task The_same_request_sent_twice_at_once_is_recorded_once_and_both_get_the_same_result_one_as_a_replay()
    {
        var sourceId = await GivenSourceAsync();
        var request = Valid.OpenCase(Valid.Id("case"), sourceId);

        var responses = await Task.WhenAll(
            Client.OpenCaseAsync(request, Call()).ResponseAsync,
            Client.OpenCaseAsync(request, Call()).ResponseAsync);

        var (first, retry) = responses[0].Result.Replayed ? (responses[1], responses[0]) : (responses[0], responses[1]);
        Replays.AssertReplayOf(first.Result, retry.Result);
        await AssertStreamHoldsAsync($"case-{request.CaseId}", "CaseOpened");
    }

    [Fact]
    public async Task A_request_id_reused_for_a_command_on_another_stream_is_refused_as_ALREADY_EXISTS_and_appends_nothing()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var hold = Valid.HoldRound(Valid.Id("round"), dialogueId, sourceId);
        await Client.HoldRoundAsync(hold, Call());
        var otherRound = Valid.HoldRound(Valid.Id("round"), dialogueId, sourceId);
        otherRound.RequestId = hold.RequestId;

        var info = await AlreadyExistsAsync("REQUEST_ID_REUSED", async () => await Client.HoldRoundAsync(otherRound, Call()));

        Assert.Equal($"round-{hold.RoundId}", info.Metadata["earlier_stream"]);
        await AssertStreamHoldsAsync($"round-{otherRound.RoundId}");
        await AssertStreamHoldsAsync($"round-{hold.RoundId}", "RoundHeld");
    }

    [Fact]
    public async Task A_request_id_reused_on_the_same_stream_with_other_values_is_refused_naming_the_earlier_request_and_records_nothing()
    {
        var sourceId = await GivenSourceAsync();
        var first = Valid.Statement(Valid.Id("statement"), sourceId);
        var recorded = await Client.RecordStatementAsync(first, Call());
        var changed = first.Clone();
        changed.Text = "A different text, sent under the request id of the first statement.";

        var info = await AlreadyExistsAsync("REQUEST_ID_REUSED", async () => await Client.RecordStatementAsync(changed, Call()));

        Assert.Equal(first.RequestId, info.Metadata["request_id"]);
        Assert.Equal($"statement-{first.StatementId}", info.Metadata["earlier_stream"]);
        Assert.Equal(recorded.Result.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), info.Metadata["earlier_position"]);
        var stored = Assert.Single(await ReadStreamAsync($"statement-{first.StatementId}"));
        Assert.Equal(first.Text, DataOf(stored).GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_request_id_reused_for_another_command_on_the_same_stream_is_refused_and_records_nothing()
    {
        var sourceId = await GivenSourceAsync();
        var make = Valid.Commitment(Valid.Id("commitment"), sourceId);
        await Client.MakeCommitmentAsync(make, Call());
        var progress = Valid.Progress(make.CommitmentId, sourceId);
        progress.RequestId = make.RequestId;

        await AlreadyExistsAsync("REQUEST_ID_REUSED", async () => await Client.ReportCommitmentProgressAsync(progress, Call()));

        await AssertStreamHoldsAsync($"commitment-{make.CommitmentId}", "CommitmentMade");
    }

    [Fact]
    public async Task A_request_id_reused_for_a_correction_with_another_replacement_is_refused_and_records_nothing()
    {
        var (caseId, roundId, sourceId) = await GivenRaisedCaseAsync();
        var correction = Valid.CorrectCaseRaised($"case-{caseId}", 1, roundId, sourceId);
        await Client.CorrectEntryAsync(correction, Call());
        var other = correction.Clone();
        other.Replacement.Fields["publicly"] = Google.Protobuf.WellKnownTypes.Value.ForBool(!other.Replacement.Fields["publicly"].BoolValue);

        await AlreadyExistsAsync("REQUEST_ID_REUSED", async () => await Client.CorrectEntryAsync(other, Call()));

        await AssertStreamHoldsAsync($"case-{caseId}", "CaseOpened", "CaseRaised", "EntryCorrected");
    }

    [Fact]
    public async Task A_refused_request_appends_nothing_so_its_request_id_records_once_the_cause_is_fixed()
    {
        var sourceId = Valid.Id("source");
        var statement = Valid.Statement(Valid.Id("statement"), sourceId);
        await NotFoundAsync(sourceId, async () => await Client.RecordStatementAsync(statement, Call()));
        await Client.RegisterSourceAsync(Valid.Source(sourceId), Call());

        var response = await Client.RecordStatementAsync(statement, Call());

        await AssertRecordedAsync(response.Result, $"statement-{statement.StatementId}", 0, "StatementRecorded", statement.RequestId);
    }
}
