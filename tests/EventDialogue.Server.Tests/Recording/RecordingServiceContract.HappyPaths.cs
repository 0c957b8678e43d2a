using System.Text.Json;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>Every command, once, as it should be used: the response and the store agree on where its event went.</summary>
public abstract partial class RecordingServiceContract
{
    [Fact]
    public async Task EstablishDialogue_appends_DialogueEstablished_as_the_first_event_of_the_dialogue_stream()
    {
        var sourceId = await GivenSourceAsync();
        var request = Valid.Dialogue(Valid.Id("dialogue"), sourceId);
        request.ExpectedRevision = Valid.NoStream();

        var response = await Client.EstablishDialogueAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"dialogue-{request.DialogueId}", 0, "DialogueEstablished", request.RequestId);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal(["us", "cn"], data.RootElement.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task EstablishDialogue_of_a_track_that_grew_out_of_an_existing_dialogue_records_its_parent()
    {
        var (parentId, sourceId) = await GivenDialogueAsync();
        var request = Valid.Dialogue(Valid.Id("dialogue"), sourceId);
        request.Name = "U.S.-China Legal Experts Dialogue";
        request.ParentDialogueId = parentId;

        var response = await Client.EstablishDialogueAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"dialogue-{request.DialogueId}", 0, "DialogueEstablished", request.RequestId);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal(parentId, data.RootElement.GetProperty("parent_dialogue_id").GetString());
    }

    [Fact]
    public async Task RegisterSource_appends_SourceRegistered_to_the_source_stream()
    {
        var request = Valid.Source(Valid.Id("source"));

        var response = await Client.RegisterSourceAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"source-{request.SourceId}", 0, "SourceRegistered", request.RequestId);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal("A", data.RootElement.GetProperty("reliability").GetString());
        Assert.Equal("2010-05-14", data.RootElement.GetProperty("published").GetString());
    }

    [Fact]
    public async Task ScheduleRound_appends_RoundScheduled_to_the_round_stream()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var request = Valid.ScheduleRound(Valid.Id("round"), dialogueId, sourceId);

        var response = await Client.ScheduleRoundAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"round-{request.RoundId}", 0, "RoundScheduled", request.RequestId);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal("2011-04", data.RootElement.GetProperty("dates").GetString());
    }

    [Fact]
    public async Task HoldRound_after_ScheduleRound_appends_RoundHeld_at_revision_1_with_the_dates_at_their_precision()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var roundId = Valid.Id("round");
        var scheduled = await Client.ScheduleRoundAsync(Valid.ScheduleRound(roundId, dialogueId, sourceId), Call());
        var request = Valid.HoldRound(roundId, dialogueId, sourceId);
        request.ExpectedRevision = Valid.Exact(scheduled.Result.Revision);

        var response = await Client.HoldRoundAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"round-{roundId}", 1, "RoundHeld", request.RequestId);
        Assert.True(response.Result.Position > scheduled.Result.Position, "A later write has a later global position.");
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal("2010-05-13/2010-05-14", data.RootElement.GetProperty("dates").GetString());
        Assert.Equal("15th", data.RootElement.GetProperty("ordinal").GetString());
    }

    [Fact]
    public async Task NameDelegationMember_appends_DelegationMemberNamed_to_the_round()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.Member(roundId, sourceId, leads: true);

        var response = await Client.NameDelegationMemberAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"round-{roundId}", 1, "DelegationMemberNamed", request.RequestId);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.True(data.RootElement.GetProperty("leads").GetBoolean());
    }

    [Fact]
    public async Task RecordSession_appends_SessionHeld_to_the_round()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.Session(roundId, sourceId);

        var response = await Client.RecordSessionAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"round-{roundId}", 1, "SessionHeld", request.RequestId);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal(["religious freedom", "labor rights"], data.RootElement.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task RecordSiteVisit_appends_SiteVisited_to_the_round()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.SiteVisit(roundId, sourceId);

        var response = await Client.RecordSiteVisitAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"round-{roundId}", 1, "SiteVisited", request.RequestId);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal("Justice Sandra Day O'Connor", data.RootElement.GetProperty("host").GetString());
    }

    [Fact]
    public async Task CharacteriseOutcome_appends_OutcomeCharacterised_to_the_round()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.Outcome(roundId, sourceId);

        var response = await Client.CharacteriseOutcomeAsync(request, Call());

        await AssertRecordedAsync(response.Result, $"round-{roundId}", 1, "OutcomeCharacterised", request.RequestId);
    }

    [Fact]
    public async Task ConcludeRound_appends_RoundConcluded_to_the_held_round()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.Conclude(roundId, sourceId);

        var response = await Client.ConcludeRoundAsync(request, Call());

        await AssertRecordedAsync(response.Result, $"round-{roundId}", 1, "RoundConcluded", request.RequestId);
    }

    [Fact]
    public async Task RecordStatement_about_a_round_appends_StatementRecorded_to_the_statement_stream()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.Statement(Valid.Id("statement"), sourceId, roundId);

        var response = await Client.RecordStatementAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"statement-{request.StatementId}", 0, "StatementRecorded", request.RequestId);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal(roundId, data.RootElement.GetProperty("round_id").GetString());
        Assert.True(data.RootElement.GetProperty("exact").GetBoolean());
    }

    [Fact]
    public async Task OpenCase_appends_CaseOpened_with_the_names_in_each_script()
    {
        var sourceId = await GivenSourceAsync();
        var request = Valid.OpenCase(Valid.Id("case"), sourceId);

        var response = await Client.OpenCaseAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"case-{request.CaseId}", 0, "CaseOpened", request.RequestId);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal(["Latn", "Hans"], data.RootElement.GetProperty("names").EnumerateArray().Select(n => n.GetProperty("script").GetString()));
        Assert.Equal("刘晓波", data.RootElement.GetProperty("names")[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task RaiseCase_in_a_round_appends_CaseRaised_to_the_case()
    {
        var (caseId, roundId, sourceId) = await GivenOpenCaseAsync();
        var request = Valid.RaiseCase(caseId, roundId, sourceId);

        var response = await Client.RaiseCaseAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"case-{caseId}", 1, "CaseRaised", request.RequestId);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal(roundId, data.RootElement.GetProperty("round_id").GetString());
    }

    [Fact]
    public async Task ReportCaseStatus_of_a_sentence_appends_CaseStatusReported_with_its_term()
    {
        var (caseId, _, sourceId) = await GivenOpenCaseAsync();
        var request = Valid.CaseStatus(caseId, sourceId);

        var response = await Client.ReportCaseStatusAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"case-{caseId}", 1, "CaseStatusReported", request.RequestId);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal("11 years", data.RootElement.GetProperty("term").GetString());
    }

    [Fact]
    public async Task RecordCaseResponse_to_a_raised_case_appends_CaseResponseReceived()
    {
        var (caseId, _, sourceId) = await GivenRaisedCaseAsync();
        var request = Valid.CaseResponse(caseId, sourceId);

        var response = await Client.RecordCaseResponseAsync(request, Call());

        await AssertRecordedAsync(response.Result, $"case-{caseId}", 2, "CaseResponseReceived", request.RequestId);
    }

    [Fact]
    public async Task MakeCommitment_in_a_round_appends_CommitmentMade_with_its_words_and_due_window()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.Commitment(Valid.Id("commitment"), sourceId, roundId);

        var response = await Client.MakeCommitmentAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"commitment-{request.CommitmentId}", 0, "CommitmentMade", request.RequestId);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal("2010-05-14/2010-09", data.RootElement.GetProperty("due").GetString());
        Assert.Equal(request.Words, data.RootElement.GetProperty("words").GetString());
    }

    [Fact]
    public async Task ReaffirmCommitment_appends_CommitmentReaffirmed()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();
        var request = Valid.Reaffirm(commitmentId, sourceId);

        var response = await Client.ReaffirmCommitmentAsync(request, Call());

        await AssertRecordedAsync(response.Result, $"commitment-{commitmentId}", 1, "CommitmentReaffirmed", request.RequestId);
    }

    [Fact]
    public async Task RescheduleCommitment_appends_CommitmentRescheduled_with_the_new_window()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();
        var request = Valid.Reschedule(commitmentId, sourceId);

        var response = await Client.RescheduleCommitmentAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"commitment-{commitmentId}", 1, "CommitmentRescheduled", request.RequestId);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal("2011", data.RootElement.GetProperty("due").GetString());
    }

    [Fact]
    public async Task ReportCommitmentProgress_appends_CommitmentProgressReported()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();
        var request = Valid.Progress(commitmentId, sourceId);

        var response = await Client.ReportCommitmentProgressAsync(request, Call());

        await AssertRecordedAsync(response.Result, $"commitment-{commitmentId}", 1, "CommitmentProgressReported", request.RequestId);
    }

    [Fact]
    public async Task FulfilCommitment_with_a_recorded_event_as_evidence_appends_CommitmentFulfilled()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var commitmentId = Valid.Id("commitment");
        await Client.MakeCommitmentAsync(Valid.Commitment(commitmentId, sourceId), Call());
        var request = Valid.Fulfil(commitmentId, sourceId, evidenceStream: $"round-{roundId}");

        var response = await Client.FulfilCommitmentAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"commitment-{commitmentId}", 1, "CommitmentFulfilled", request.RequestId);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal($"round-{roundId}", data.RootElement.GetProperty("evidence_stream").GetString());
    }

    [Fact]
    public async Task DeclareCommitmentBroken_appends_CommitmentDeclaredBroken()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();
        var request = Valid.DeclareBroken(commitmentId, sourceId);

        var response = await Client.DeclareCommitmentBrokenAsync(request, Call());

        await AssertRecordedAsync(response.Result, $"commitment-{commitmentId}", 1, "CommitmentDeclaredBroken", request.RequestId);
    }

    [Fact]
    public async Task WithdrawCommitment_appends_CommitmentWithdrawn()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();
        var request = Valid.Withdraw(commitmentId, sourceId);

        var response = await Client.WithdrawCommitmentAsync(request, Call());

        await AssertRecordedAsync(response.Result, $"commitment-{commitmentId}", 1, "CommitmentWithdrawn", request.RequestId);
    }

    [Fact]
    public async Task CorrectEntry_appends_EntryCorrected_with_the_replacement_to_the_entry_stream_and_keeps_the_wrong_entry()
    {
        var (caseId, roundId, sourceId) = await GivenRaisedCaseAsync();
        var request = Valid.CorrectCaseRaised($"case-{caseId}", 1, roundId, sourceId);

        var response = await Client.CorrectEntryAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"case-{caseId}", 2, "EntryCorrected", request.RequestId);
        await AssertStreamHoldsAsync($"case-{caseId}", "CaseOpened", "CaseRaised", "EntryCorrected");
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal(1, data.RootElement.GetProperty("target_revision").GetInt64());
        Assert.Equal("CaseRaised", data.RootElement.GetProperty("target_type").GetString());
        var replacement = data.RootElement.GetProperty("replacement");
        Assert.Equal("CaseRaised", replacement.GetProperty("type").GetString());
        Assert.False(replacement.GetProperty("data").GetProperty("publicly").GetBoolean());
        Assert.Equal("2010-05-14", replacement.GetProperty("data").GetProperty("date").GetString());
    }

    [Fact]
    public async Task RetractEntry_appends_EntryRetracted_to_the_entry_stream_and_keeps_the_entry()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        await Client.RecordSessionAsync(Valid.Session(roundId, sourceId), Call());
        var request = Valid.Retract($"round-{roundId}", 1);

        var response = await Client.RetractEntryAsync(request, Call());

        var recorded = await AssertRecordedAsync(response.Result, $"round-{roundId}", 2, "EntryRetracted", request.RequestId);
        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld", "SessionHeld", "EntryRetracted");
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal("SessionHeld", data.RootElement.GetProperty("target_type").GetString());
    }

    [Fact]
    public async Task Every_write_gets_a_later_global_position_than_the_one_before_across_streams()
    {
        var sourceId = Valid.Id("source");
        var first = await Client.RegisterSourceAsync(Valid.Source(sourceId), Call());
        var second = await Client.EstablishDialogueAsync(Valid.Dialogue(Valid.Id("dialogue"), sourceId), Call());
        var third = await Client.OpenCaseAsync(Valid.OpenCase(Valid.Id("case"), sourceId), Call());

        Assert.True(first.Result.Position < second.Result.Position, $"{first.Result.Position} then {second.Result.Position}");
        Assert.True(second.Result.Position < third.Result.Position, $"{second.Result.Position} then {third.Result.Position}");
    }

    [Fact]
    public async Task A_request_without_a_request_id_is_recorded_with_a_generated_correlation_id_and_a_resend_records_it_again()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.Session(roundId, sourceId);
        request.RequestId = "";

        var first = await Client.RecordSessionAsync(request, Call());
        var second = await Client.RecordSessionAsync(request, Call());

        Assert.Equal(1, first.Result.Revision);
        Assert.Equal(2, second.Result.Revision);
        var events = await ReadStreamAsync($"round-{roundId}");
        Assert.Equal(["RoundHeld", "SessionHeld", "SessionHeld"], events.Select(e => e.Type));
        Assert.All(events.Skip(1), e => Assert.False(string.IsNullOrWhiteSpace(e.Metadata.CorrelationId)));
        Assert.NotEqual(events[1].Metadata.CorrelationId, events[2].Metadata.CorrelationId);
    }
}
