using EventDialogue.Api.V1;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>Malformed requests: INVALID_ARGUMENT, with a BadRequest naming the field as the API spells it, and nothing appended.</summary>
public abstract partial class RecordingServiceContract
{
    [Fact]
    public async Task A_blank_dialogue_name_is_refused_naming_name()
    {
        var sourceId = await GivenSourceAsync();
        var request = Valid.Dialogue(Valid.Id("dialogue"), sourceId);
        request.Name = "   ";

        var violation = await InvalidAsync("name", async () => await Client.EstablishDialogueAsync(request, Call()));

        Assert.Contains("blank", violation.Description, StringComparison.Ordinal);
        await AssertStreamHoldsAsync($"dialogue-{request.DialogueId}");
    }

    [Fact]
    public async Task A_blank_delegation_member_name_is_refused_naming_name()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.Member(roundId, sourceId);
        request.Name = "";

        await InvalidAsync("name", async () => await Client.NameDelegationMemberAsync(request, Call()));

        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld");
    }

    [Fact]
    public async Task A_round_id_that_is_not_a_slug_is_refused_naming_round_id()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var request = Valid.HoldRound("2010 Washington", dialogueId, sourceId);

        await InvalidAsync("round_id", async () => await Client.HoldRoundAsync(request, Call()));
    }

    [Fact]
    public async Task A_case_id_in_upper_case_is_refused_naming_case_id()
    {
        var sourceId = await GivenSourceAsync();
        var request = Valid.OpenCase("Liu-Xiaobo", sourceId);

        await InvalidAsync("case_id", async () => await Client.OpenCaseAsync(request, Call()));
    }

    [Fact]
    public async Task An_id_longer_than_120_characters_is_refused_naming_its_field()
    {
        var request = Valid.Source(new string('s', 121));

        var violation = await InvalidAsync("source_id", async () => await Client.RegisterSourceAsync(request, Call()));

        Assert.Contains("120", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cited_source_id_that_is_not_a_slug_is_refused_naming_source_source_id()
    {
        var (roundId, _) = await GivenHeldRoundAsync();
        var request = Valid.Session(roundId, "Not A Slug");

        await InvalidAsync("source.source_id", async () => await Client.RecordSessionAsync(request, Call()));

        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld");
    }

    [Fact]
    public async Task A_command_without_its_required_source_is_refused_naming_source()
    {
        var (caseId, _, _) = await GivenOpenCaseAsync();
        var request = Valid.CaseStatus(caseId, "unused");
        request.Source = null;

        await InvalidAsync("source", async () => await Client.ReportCaseStatusAsync(request, Call()));

        await AssertStreamHoldsAsync($"case-{caseId}", "CaseOpened");
    }

    [Fact]
    public async Task A_date_that_is_not_EDTF_is_refused_naming_dates()
    {
        var (dialogueId, sourceId) = await GivenDialogueAsync();
        var request = Valid.HoldRound(Valid.Id("round"), dialogueId, sourceId);
        request.Dates = "13-14 May 2010";

        await InvalidAsync("dates", async () => await Client.HoldRoundAsync(request, Call()));

        await AssertStreamHoldsAsync($"round-{request.RoundId}");
    }

    [Fact]
    public async Task A_month_that_does_not_exist_is_refused_naming_said()
    {
        var sourceId = await GivenSourceAsync();
        var request = Valid.Statement(Valid.Id("statement"), sourceId);
        request.Said = "2010-13-01";

        await InvalidAsync("said", async () => await Client.RecordStatementAsync(request, Call()));
    }

    [Fact]
    public async Task An_interval_that_ends_before_it_starts_is_refused_naming_due()
    {
        var (commitmentId, sourceId) = await GivenCommitmentAsync();
        var request = Valid.Reschedule(commitmentId, sourceId);
        request.Due = "2011-09/2011-05";

        await InvalidAsync("due", async () => await Client.RescheduleCommitmentAsync(request, Call()));

        await AssertStreamHoldsAsync($"commitment-{commitmentId}", "CommitmentMade");
    }

    [Fact]
    public async Task A_word_outside_the_setting_vocabulary_is_refused_naming_setting_and_listing_the_words()
    {
        var sourceId = await GivenSourceAsync();
        var request = Valid.Statement(Valid.Id("statement"), sourceId);
        request.Setting = "rally";

        var violation = await InvalidAsync("setting", async () => await Client.RecordStatementAsync(request, Call()));

        Assert.Contains("press-conference", violation.Description, StringComparison.Ordinal);
        await AssertStreamHoldsAsync($"statement-{request.StatementId}");
    }

    [Fact]
    public async Task A_case_response_outside_its_vocabulary_is_refused_naming_response()
    {
        var (caseId, _, sourceId) = await GivenRaisedCaseAsync();
        var request = Valid.CaseResponse(caseId, sourceId);
        request.Response = "ignored";

        await InvalidAsync("response", async () => await Client.RecordCaseResponseAsync(request, Call()));

        await AssertStreamHoldsAsync($"case-{caseId}", "CaseOpened", "CaseRaised");
    }

    [Fact]
    public async Task A_reliability_grade_outside_A_to_F_is_refused_naming_reliability()
    {
        var request = Valid.Source(Valid.Id("source"));
        request.Reliability = "Z";

        await InvalidAsync("reliability", async () => await Client.RegisterSourceAsync(request, Call()));

        await AssertStreamHoldsAsync($"source-{request.SourceId}");
    }

    [Fact]
    public async Task A_name_whose_script_is_not_an_ISO_15924_code_is_refused_naming_names_0_script()
    {
        var sourceId = await GivenSourceAsync();
        var request = Valid.OpenCase(Valid.Id("case"), sourceId);
        request.Names[0].Script = "latin";

        await InvalidAsync("names[0].script", async () => await Client.OpenCaseAsync(request, Call()));

        await AssertStreamHoldsAsync($"case-{request.CaseId}");
    }

    [Fact]
    public async Task A_case_without_names_is_refused_naming_names()
    {
        var sourceId = await GivenSourceAsync();
        var request = Valid.OpenCase(Valid.Id("case"), sourceId);
        request.Names.Clear();

        await InvalidAsync("names", async () => await Client.OpenCaseAsync(request, Call()));
    }

    [Fact]
    public async Task A_statement_text_over_20000_characters_is_refused_naming_text_and_its_limit()
    {
        var sourceId = await GivenSourceAsync();
        var request = Valid.Statement(Valid.Id("statement"), sourceId);
        request.Text = new string('x', 20_001);

        var violation = await InvalidAsync("text", async () => await Client.RecordStatementAsync(request, Call()));

        Assert.Contains("20000", violation.Description, StringComparison.Ordinal);
        await AssertStreamHoldsAsync($"statement-{request.StatementId}");
    }

    [Fact]
    public async Task A_cited_quote_over_5000_characters_is_refused_naming_source_quote()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.Outcome(roundId, sourceId);
        request.Source.Quote = new string('q', 5_001);

        await InvalidAsync("source.quote", async () => await Client.CharacteriseOutcomeAsync(request, Call()));

        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld");
    }

    [Fact]
    public async Task More_than_30_topics_are_refused_naming_topics()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.SiteVisit(roundId, sourceId);
        request.Topics.Clear();
        request.Topics.Add(Enumerable.Range(1, 31).Select(i => $"topic {i}"));

        var violation = await InvalidAsync("topics", async () => await Client.RecordSiteVisitAsync(request, Call()));

        Assert.Contains("30", violation.Description, StringComparison.Ordinal);
        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld");
    }

    [Fact]
    public async Task A_blank_topic_among_others_is_refused_naming_its_index()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.Session(roundId, sourceId);
        request.Topics.Add(" ");

        await InvalidAsync("topics[2]", async () => await Client.RecordSessionAsync(request, Call()));
    }

    [Fact]
    public async Task A_party_code_in_capitals_is_refused_naming_its_index()
    {
        var sourceId = await GivenSourceAsync();
        var request = Valid.Dialogue(Valid.Id("dialogue"), sourceId);
        request.Parties[1] = "CN";

        await InvalidAsync("parties[1]", async () => await Client.EstablishDialogueAsync(request, Call()));
    }

    [Fact]
    public async Task A_term_with_a_status_other_than_sentenced_is_refused_naming_term()
    {
        var (caseId, _, sourceId) = await GivenOpenCaseAsync();
        var request = Valid.CaseStatus(caseId, sourceId);
        request.Status = "detained";

        await InvalidAsync("term", async () => await Client.ReportCaseStatusAsync(request, Call()));
    }

    [Fact]
    public async Task A_case_raised_in_a_round_without_naming_the_round_is_refused_naming_round_id()
    {
        var (caseId, _, sourceId) = await GivenOpenCaseAsync();
        var request = Valid.RaiseCase(caseId, "", sourceId);

        await InvalidAsync("round_id", async () => await Client.RaiseCaseAsync(request, Call()));

        await AssertStreamHoldsAsync($"case-{caseId}", "CaseOpened");
    }

    [Fact]
    public async Task A_negative_exact_expected_revision_is_refused_naming_expected_revision()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.Session(roundId, sourceId);
        request.ExpectedRevision = Valid.Exact(-1);

        var violation = await InvalidAsync("expected_revision", async () => await Client.RecordSessionAsync(request, Call()));

        Assert.Contains("-1", violation.Description, StringComparison.Ordinal);
        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld");
    }

    [Fact]
    public async Task An_expected_revision_with_no_kind_set_is_refused_naming_expected_revision()
    {
        var (roundId, sourceId) = await GivenHeldRoundAsync();
        var request = Valid.Session(roundId, sourceId);
        request.ExpectedRevision = new ExpectedRevision();

        await InvalidAsync("expected_revision", async () => await Client.RecordSessionAsync(request, Call()));

        await AssertStreamHoldsAsync($"round-{roundId}", "RoundHeld");
    }

    [Fact]
    public async Task A_request_id_over_200_characters_is_refused_naming_request_id()
    {
        var request = Valid.Source(Valid.Id("source"));
        request.RequestId = new string('r', 201);

        await InvalidAsync("request_id", async () => await Client.RegisterSourceAsync(request, Call()));

        await AssertStreamHoldsAsync($"source-{request.SourceId}");
    }

    [Fact]
    public async Task A_blank_request_id_is_refused_naming_request_id()
    {
        var request = Valid.Source(Valid.Id("source"));
        request.RequestId = "   ";

        await InvalidAsync("request_id", async () => await Client.RegisterSourceAsync(request, Call()));
    }

    [Fact]
    public async Task A_correction_of_a_stream_name_that_is_malformed_is_refused_naming_target_stream()
    {
        var request = Valid.Retract("Round 2010", 0);

        await InvalidAsync("target_stream", async () => await Client.RetractEntryAsync(request, Call()));
    }
}
