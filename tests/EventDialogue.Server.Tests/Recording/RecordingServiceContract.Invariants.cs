using EventDialogue.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>The rules of the record, enforced by the deciders: each refusal has its status, its detail, and appends nothing.</summary>
public abstract partial class RecordingServiceContract
{
    // ---- Rounds ----

    [Fact]
    public async Task A_round_held_twice_is_refused_as_FAILED_PRECONDITION_and_the_round_keeps_one_RoundHeld()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");
        await Client.HoldRoundAsync(Valid.HoldRound(roundId, dialogueId, sourceId), Call());

        var violation = await FailedPreconditionAsync("round_id", async () => await Client.HoldRoundAsync(Valid.HoldRound(roundId, dialogueId, sourceId), Call()));

        Assert.Contains("already held", violation.Description, StringComparison.Ordinal);
        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld");
    }

    [Fact]
    public async Task A_round_held_in_another_dialogue_than_it_was_scheduled_in_is_refused_as_FAILED_PRECONDITION()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var (otherDialogueId, _) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");
        await Client.ScheduleRoundAsync(Valid.ScheduleRound(roundId, dialogueId, sourceId), Call());

        await FailedPreconditionAsync("dialogue_id", async () => await Client.HoldRoundAsync(Valid.HoldRound(roundId, otherDialogueId, sourceId), Call()));

        await AssertStreamHoldsAsync($"round-{roundId}", "RoundScheduled");
    }

    [Fact]
    public async Task Scheduling_a_round_that_is_already_scheduled_is_refused_as_ALREADY_EXISTS()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");
        await Client.ScheduleRoundAsync(Valid.ScheduleRound(roundId, dialogueId, sourceId), Call());

        var info = await AlreadyExistsAsync("ALREADY_EXISTS", async () => await Client.ScheduleRoundAsync(Valid.ScheduleRound(roundId, dialogueId, sourceId), Call()));

        Assert.Equal("round_id", info.Metadata["field"]);
        await AssertStreamHoldsAsync($"round-{roundId}", "RoundScheduled");
    }

    [Fact]
    public async Task A_round_scheduled_in_a_dialogue_that_does_not_exist_is_refused_as_NOT_FOUND()
    {
        var sourceId = await GivenSourceAsync();
        var missingDialogue = Valid.Id("dialogue");
        var roundId = Valid.Id("round");

        await NotFoundAsync(missingDialogue, async () => await Client.ScheduleRoundAsync(Valid.ScheduleRound(roundId, missingDialogue, sourceId), Call()));

        await AssertStreamHoldsAsync($"round-{roundId}");
    }

    [Fact]
    public async Task A_session_of_a_round_that_does_not_exist_is_refused_as_NOT_FOUND()
    {
        var sourceId = await GivenSourceAsync();
        var roundId = Valid.Id("round");

        await NotFoundAsync(roundId, async () => await Client.RecordSessionAsync(Valid.Session(roundId, sourceId), Call()));

        await AssertStreamHoldsAsync($"round-{roundId}");
    }

    [Fact]
    public async Task A_second_leader_for_the_same_side_of_a_round_is_refused_as_FAILED_PRECONDITION()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        await Client.NameDelegationMemberAsync(Valid.Member(roundId, sourceId, "cn", "Chen Xu", leads: true), Call());

        await FailedPreconditionAsync("leads", async () => await Client.NameDelegationMemberAsync(Valid.Member(roundId, sourceId, "cn", "Someone Else", leads: true), Call()));

        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld", "DelegationMemberNamed");
    }

    [Fact]
    public async Task Each_side_of_a_round_may_have_its_own_leader()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        await Client.NameDelegationMemberAsync(Valid.Member(roundId, sourceId, "us", "Michael H. Posner", leads: true), Call());

        var response = await Client.NameDelegationMemberAsync(Valid.Member(roundId, sourceId, "cn", "Chen Xu", leads: true), Call());

        Assert.Equal(2, response.Result.Revision);
    }

    [Fact]
    public async Task A_round_that_was_only_scheduled_cannot_be_concluded()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");
        await Client.ScheduleRoundAsync(Valid.ScheduleRound(roundId, dialogueId, sourceId), Call());

        await FailedPreconditionAsync("round_id", async () => await Client.ConcludeRoundAsync(Valid.Conclude(roundId, sourceId), Call()));

        await AssertStreamHoldsAsync($"round-{roundId}", "RoundScheduled");
    }

    [Fact]
    public async Task A_round_concluded_twice_is_refused_as_FAILED_PRECONDITION()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        await Client.ConcludeRoundAsync(Valid.Conclude(roundId, sourceId), Call());

        await FailedPreconditionAsync("round_id", async () => await Client.ConcludeRoundAsync(Valid.Conclude(roundId, sourceId), Call()));

        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld", "RoundConcluded");
    }

    // ---- Sources, dialogues, statements ----

    [Fact]
    public async Task A_statement_citing_a_source_that_was_never_registered_is_refused_as_NOT_FOUND()
    {
        var missingSource = Valid.Id("source");
        var request = Valid.Statement(Valid.Id("statement"), missingSource);

        await NotFoundAsync(missingSource, async () => await Client.RecordStatementAsync(request, Call()));

        await AssertStreamHoldsAsync($"statement-{request.StatementId}");
    }

    [Fact]
    public async Task A_statement_about_a_round_that_does_not_exist_is_refused_as_NOT_FOUND()
    {
        var sourceId = await GivenSourceAsync();
        var missingRound = Valid.Id("round");
        var request = Valid.Statement(Valid.Id("statement"), sourceId, missingRound);

        await NotFoundAsync(missingRound, async () => await Client.RecordStatementAsync(request, Call()));

        await AssertStreamHoldsAsync($"statement-{request.StatementId}");
    }

    [Fact]
    public async Task A_statement_recorded_again_under_its_id_by_a_new_request_is_refused_as_ALREADY_EXISTS()
    {
        var sourceId = await GivenSourceAsync();
        var statementId = Valid.Id("statement");
        await Client.RecordStatementAsync(Valid.Statement(statementId, sourceId), Call());

        await AlreadyExistsAsync("ALREADY_EXISTS", async () => await Client.RecordStatementAsync(Valid.Statement(statementId, sourceId), Call()));

        await AssertStreamHoldsAsync($"statement-{statementId}", "StatementRecorded");
    }

    [Fact]
    public async Task A_source_registered_again_by_a_new_request_is_refused_as_ALREADY_EXISTS()
    {
        var sourceId = await GivenSourceAsync();

        var info = await AlreadyExistsAsync("ALREADY_EXISTS", async () => await Client.RegisterSourceAsync(Valid.Source(sourceId), Call()));

        Assert.Equal("source_id", info.Metadata["field"]);
        await AssertStreamHoldsAsync($"source-{sourceId}", "SourceRegistered");
    }

    [Fact]
    public async Task A_dialogue_established_again_by_a_new_request_is_refused_as_ALREADY_EXISTS()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();

        var info = await AlreadyExistsAsync("ALREADY_EXISTS", async () => await Client.EstablishDialogueAsync(Valid.Dialogue(dialogueId, sourceId), Call()));

        Assert.Equal("dialogue_id", info.Metadata["field"]);
        await AssertStreamHoldsAsync($"dialogue-{dialogueId}", "DialogueEstablished");
    }

    [Fact]
    public async Task A_dialogue_whose_parent_dialogue_does_not_exist_is_refused_as_NOT_FOUND()
    {
        var sourceId = await GivenSourceAsync();
        var request = Valid.Dialogue(Valid.Id("dialogue"), sourceId);
        request.ParentDialogueId = Valid.Id("dialogue");

        await NotFoundAsync(request.ParentDialogueId, async () => await Client.EstablishDialogueAsync(request, Call()));

        await AssertStreamHoldsAsync($"dialogue-{request.DialogueId}");
    }

    // ---- Cases ----

    [Fact]
    public async Task Reopening_an_existing_case_is_refused_as_ALREADY_EXISTS_naming_case_id()
    {
        var (caseId, _, sourceId) = await GivenOpenCaseAsync();

        var info = await AlreadyExistsAsync("ALREADY_EXISTS", async () => await Client.OpenCaseAsync(Valid.OpenCase(caseId, sourceId), Call()));

        Assert.Equal("case_id", info.Metadata["field"]);
        await AssertStreamHoldsAsync($"case-{caseId}", "CaseOpened");
    }

    [Fact]
    public async Task Raising_a_case_that_was_never_opened_is_refused_as_NOT_FOUND()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var caseId = Valid.Id("case");

        await NotFoundAsync(caseId, async () => await Client.RaiseCaseAsync(Valid.RaiseCase(caseId, roundId, sourceId), Call()));

        await AssertStreamHoldsAsync($"case-{caseId}");
    }

    [Fact]
    public async Task Raising_a_case_in_a_round_that_does_not_exist_is_refused_as_NOT_FOUND()
    {
        var (caseId, _, sourceId) = await GivenOpenCaseAsync();
        var missingRound = Valid.Id("round");

        await NotFoundAsync(missingRound, async () => await Client.RaiseCaseAsync(Valid.RaiseCase(caseId, missingRound, sourceId), Call()));

        await AssertStreamHoldsAsync($"case-{caseId}", "CaseOpened");
    }

    [Fact]
    public async Task A_response_to_a_case_that_was_never_raised_is_refused_as_FAILED_PRECONDITION()
    {
        var (caseId, _, sourceId) = await GivenOpenCaseAsync();

        await FailedPreconditionAsync("case_id", async () => await Client.RecordCaseResponseAsync(Valid.CaseResponse(caseId, sourceId), Call()));

        await AssertStreamHoldsAsync($"case-{caseId}", "CaseOpened");
    }

    // ---- Commitments ----

    [Fact]
    public async Task Fulfilling_a_withdrawn_commitment_is_refused_as_FAILED_PRECONDITION()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();
        await Client.WithdrawCommitmentAsync(Valid.Withdraw(commitmentId, sourceId), Call());

        var violation = await FailedPreconditionAsync("commitment_id", async () => await Client.FulfilCommitmentAsync(Valid.Fulfil(commitmentId, sourceId), Call()));

        Assert.Contains("withdrawn", violation.Description, StringComparison.Ordinal);
        await AssertStreamHoldsAsync($"commitment-{commitmentId}", "CommitmentMade", "CommitmentWithdrawn");
    }

    [Fact]
    public async Task Reaffirming_a_withdrawn_commitment_is_refused_as_FAILED_PRECONDITION()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();
        await Client.WithdrawCommitmentAsync(Valid.Withdraw(commitmentId, sourceId), Call());

        await FailedPreconditionAsync("commitment_id", async () => await Client.ReaffirmCommitmentAsync(Valid.Reaffirm(commitmentId, sourceId), Call()));

        await AssertStreamHoldsAsync($"commitment-{commitmentId}", "CommitmentMade", "CommitmentWithdrawn");
    }

    [Fact]
    public async Task Fulfilling_a_commitment_twice_is_refused_as_FAILED_PRECONDITION()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();
        await Client.FulfilCommitmentAsync(Valid.Fulfil(commitmentId, sourceId), Call());

        await FailedPreconditionAsync("commitment_id", async () => await Client.FulfilCommitmentAsync(Valid.Fulfil(commitmentId, sourceId), Call()));

        await AssertStreamHoldsAsync($"commitment-{commitmentId}", "CommitmentMade", "CommitmentFulfilled");
    }

    [Fact]
    public async Task Rescheduling_a_fulfilled_commitment_is_refused_as_FAILED_PRECONDITION()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();
        await Client.FulfilCommitmentAsync(Valid.Fulfil(commitmentId, sourceId), Call());

        await FailedPreconditionAsync("commitment_id", async () => await Client.RescheduleCommitmentAsync(Valid.Reschedule(commitmentId, sourceId), Call()));

        await AssertStreamHoldsAsync($"commitment-{commitmentId}", "CommitmentMade", "CommitmentFulfilled");
    }

    [Fact]
    public async Task Withdrawing_a_commitment_that_was_never_made_is_refused_as_NOT_FOUND()
    {
        var sourceId = await GivenSourceAsync();
        var commitmentId = Valid.Id("commitment");

        await NotFoundAsync(commitmentId, async () => await Client.WithdrawCommitmentAsync(Valid.Withdraw(commitmentId, sourceId), Call()));

        await AssertStreamHoldsAsync($"commitment-{commitmentId}");
    }

    [Fact]
    public async Task Fulfilling_a_commitment_with_evidence_from_a_stream_that_does_not_exist_is_refused_as_NOT_FOUND()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();
        var missingStream = $"round-{Valid.Id("round")}";

        await NotFoundAsync(missingStream, async () => await Client.FulfilCommitmentAsync(Valid.Fulfil(commitmentId, sourceId, missingStream), Call()));

        await AssertStreamHoldsAsync($"commitment-{commitmentId}", "CommitmentMade");
    }

    [Fact]
    public async Task A_commitment_made_again_under_its_id_by_a_new_request_is_refused_as_ALREADY_EXISTS()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();

        await AlreadyExistsAsync("ALREADY_EXISTS", async () => await Client.MakeCommitmentAsync(Valid.Commitment(commitmentId, sourceId), Call()));

        await AssertStreamHoldsAsync($"commitment-{commitmentId}", "CommitmentMade");
    }

    [Fact]
    public async Task A_due_window_that_ends_before_the_commitment_was_made_is_refused_naming_due()
    {
        var sourceId = await GivenSourceAsync();
        var request = Valid.Commitment(Valid.Id("commitment"), sourceId);
        request.Due = "2010-04";

        await InvalidAsync("due", async () => await Client.MakeCommitmentAsync(request, Call()));

        await AssertStreamHoldsAsync($"commitment-{request.CommitmentId}");
    }

    [Fact]
    public async Task Progress_dated_before_the_commitment_was_made_is_refused_naming_on()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();
        var request = Valid.Progress(commitmentId, sourceId);
        request.On = "2009";

        await InvalidAsync("on", async () => await Client.ReportCommitmentProgressAsync(request, Call()));

        await AssertStreamHoldsAsync($"commitment-{commitmentId}", "CommitmentMade");
    }

    // ---- Corrections and retractions ----

    [Fact]
    public async Task Retracting_a_revision_the_stream_does_not_have_is_refused_as_NOT_FOUND_naming_target_revision()
    {
        var (roundId, _) = await GivenHeldRoundAsync();

        var status = await RefusedAsync(Grpc.Core.StatusCode.NotFound, async () => await Client.RetractEntryAsync(Valid.Retract($"round-{roundId}", 5), Call()));

        Assert.Contains("target_revision", status.Message, StringComparison.Ordinal);
        Assert.Contains("revision 5", status.Message, StringComparison.Ordinal);
        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld");
    }

    [Fact]
    public async Task Retracting_an_entry_of_a_stream_that_does_not_exist_is_refused_as_NOT_FOUND()
    {
        var stream = $"case-{Valid.Id("case")}";

        await NotFoundAsync(stream, async () => await Client.RetractEntryAsync(Valid.Retract(stream, 0), Call()));

        await AssertStreamHoldsAsync(stream);
    }

    [Fact]
    public async Task Retracting_an_entry_twice_is_refused_as_FAILED_PRECONDITION()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        await Client.RecordSessionAsync(Valid.Session(roundId, sourceId), Call());
        await Client.RetractEntryAsync(Valid.Retract($"round-{roundId}", 1), Call());

        await FailedPreconditionAsync("target_revision", async () => await Client.RetractEntryAsync(Valid.Retract($"round-{roundId}", 1), Call()));

        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld", "SessionHeld", "EntryRetracted");
    }

    [Fact]
    public async Task Retracting_a_retraction_is_refused_naming_target_revision()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        await Client.RecordSessionAsync(Valid.Session(roundId, sourceId), Call());
        await Client.RetractEntryAsync(Valid.Retract($"round-{roundId}", 1), Call());

        await InvalidAsync("target_revision", async () => await Client.RetractEntryAsync(Valid.Retract($"round-{roundId}", 2), Call()));

        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld", "SessionHeld", "EntryRetracted");
    }

    [Fact]
    public async Task Correcting_an_entry_with_an_event_of_another_type_is_refused_naming_replacement()
    {
        var (caseId, roundId, sourceId) = await GivenRaisedCaseAsync();
        var request = Valid.CorrectCaseRaised($"case-{caseId}", 0, roundId, sourceId); // revision 0 is the CaseOpened

        var violation = await InvalidAsync("replacement", async () => await Client.CorrectEntryAsync(request, Call()));

        Assert.Contains("CaseOpened", violation.Description, StringComparison.Ordinal);
        await AssertStreamHoldsAsync($"case-{caseId}", "CaseOpened", "CaseRaised");
    }

    [Fact]
    public async Task Correcting_an_entry_with_an_unknown_event_type_is_refused_naming_replacement_type()
    {
        var (caseId, roundId, sourceId) = await GivenRaisedCaseAsync();
        var request = Valid.CorrectCaseRaised($"case-{caseId}", 1, roundId, sourceId);
        request.ReplacementType = "CaseRaisedV2";

        await InvalidAsync("replacement_type", async () => await Client.CorrectEntryAsync(request, Call()));

        await AssertStreamHoldsAsync($"case-{caseId}", "CaseOpened", "CaseRaised");
    }

    [Fact]
    public async Task Correcting_an_entry_with_a_replacement_missing_a_required_field_is_refused_naming_replacement()
    {
        var (caseId, roundId, sourceId) = await GivenRaisedCaseAsync();
        var request = Valid.CorrectCaseRaised($"case-{caseId}", 1, roundId, sourceId);
        request.Replacement.Fields.Remove("date");

        await InvalidAsync("replacement", async () => await Client.CorrectEntryAsync(request, Call()));

        await AssertStreamHoldsAsync($"case-{caseId}", "CaseOpened", "CaseRaised");
    }

    [Fact]
    public async Task Correcting_an_entry_with_a_replacement_whose_date_is_not_EDTF_is_refused_naming_replacement_date()
    {
        var (caseId, roundId, sourceId) = await GivenRaisedCaseAsync();
        var request = Valid.CorrectCaseRaised($"case-{caseId}", 1, roundId, sourceId);
        request.Replacement.Fields["date"] = Value.ForString("the day after");

        await InvalidAsync("replacement.date", async () => await Client.CorrectEntryAsync(request, Call()));

        await AssertStreamHoldsAsync($"case-{caseId}", "CaseOpened", "CaseRaised");
    }

    [Fact]
    public async Task Correcting_an_entry_with_a_replacement_citing_a_source_that_does_not_exist_is_refused_as_NOT_FOUND()
    {
        var (caseId, roundId, sourceId) = await GivenRaisedCaseAsync();
        var request = Valid.CorrectCaseRaised($"case-{caseId}", 1, roundId, sourceId);
        var missingSource = Valid.Id("source");
        request.Replacement.Fields["source"].StructValue.Fields["source_id"] = Value.ForString(missingSource);

        await NotFoundAsync(missingSource, async () => await Client.CorrectEntryAsync(request, Call()));
        await AssertStreamHoldsAsync($"case-{caseId}", "CaseOpened", "CaseRaised");
    }

    [Fact]
    public async Task A_correction_without_a_replacement_is_refused_naming_replacement()
    {
        var (caseId, roundId, sourceId) = await GivenRaisedCaseAsync();
        var request = Valid.CorrectCaseRaised($"case-{caseId}", 1, roundId, sourceId);
        request.Replacement = null;

        await InvalidAsync("replacement", async () => await Client.CorrectEntryAsync(request, Call()));

        await AssertStreamHoldsAsync($"case-{caseId}", "CaseOpened", "CaseRaised");
    }
}
