using Google.Protobuf.WellKnownTypes;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>
/// The rules of the record as a client meets them: each kind of refusal a decider makes has its status, its detail and
/// field, and appends nothing. The rules themselves are specified in EventDialogue.Domain.Tests (Deciders/); a rule
/// whose refusal is of a kind shown here is not repeated through the server.
/// </summary>
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
    public async Task A_second_leader_for_the_same_side_of_a_round_is_refused_as_FAILED_PRECONDITION()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        await Client.NameDelegationMemberAsync(Valid.Member(roundId, sourceId, "cn", "Chen Xu", leads: true), Call());

        await FailedPreconditionAsync("leads", async () => await Client.NameDelegationMemberAsync(Valid.Member(roundId, sourceId, "cn", "Someone Else", leads: true), Call()));

        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld", "DelegationMemberNamed");
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

    // ---- Cases ----

    [Fact]
    public async Task Reopening_an_existing_case_is_refused_as_ALREADY_EXISTS_naming_case_id()
    {
        var (caseId, _, sourceId) = await GivenOpenCaseAsync();

        var info = await AlreadyExistsAsync("ALREADY_EXISTS", async () => await Client.OpenCaseAsync(Valid.OpenCase(caseId, sourceId), Call()));

        Assert.Equal("case_id", info.Metadata["field"]);
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
    public async Task A_due_window_that_ends_before_the_commitment_was_made_is_refused_naming_due()
    {
        var sourceId = await GivenSourceAsync();
        var request = Valid.Commitment(Valid.Id("commitment"), sourceId);
        request.Due = "2010-04";

        await InvalidAsync("due", async () => await Client.MakeCommitmentAsync(request, Call()));

        await AssertStreamHoldsAsync($"commitment-{request.CommitmentId}");
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
