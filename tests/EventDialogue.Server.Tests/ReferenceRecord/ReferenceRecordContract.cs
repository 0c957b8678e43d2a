using EventDialogue.Api.V1;
using EventDialogue.Client.Dataset;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Core;

namespace EventDialogue.Server.Tests.ReferenceRecord;

/// <summary>
/// The reference record as imported through the public API, read back from the views: facts a reader can check
/// against the documents in ../shared/sources, and what importing does with a second run or a broken file.
/// </summary>
public abstract class ReferenceRecordContract(ReferenceRecordServer record)
{
    private const string Washington2010 = "2010-washington";
    private const string Beijing2011 = "2011-beijing";
    private const string Washington2012 = "2012-washington";

    private ViewsService.ViewsServiceClient Views => record.Views;

    [Fact]
    public void The_reference_record_imports_with_no_error_every_entry_recorded_once()
    {
        Assert.True(record.Dataset.EntryCount > 200, $"only {record.Dataset.EntryCount} entries in data/reference");
        Assert.Equal(record.Dataset.EntryCount, record.FirstImport.Recorded);
        Assert.Equal(0, record.FirstImport.Replayed);
    }

    [Fact]
    public async Task The_2010_round_met_in_Washington_on_13_and_14_May_2010_and_the_rounds_before_it_in_2008_and_2002()
    {
        var round = await GetRoundAsync(Washington2010);

        Assert.Equal("2010-05-13/2010-05-14", round.Dates);
        Assert.Equal("Washington, DC", round.Place);
        Assert.Equal("concluded", round.Status);
        var rounds = (await Views.ListRoundsAsync(new ListRoundsRequest { DialogueId = "us-china-human-rights", PageSize = 100 }, Deadline())).Rounds;
        // Other tests add rounds of their own, all dated later.
        Assert.Equal(["2002", "2008", Washington2010, Beijing2011, Washington2012], rounds.Take(5).Select(r => r.RoundId));
        Assert.All(rounds.Take(2), earlier => Assert.Equal(string.Empty, earlier.Place));
    }

    [Fact]
    public async Task In_2010_Michael_Posner_led_the_US_delegation_and_Chen_Xu_the_Chinese_one()
    {
        var round = await GetRoundAsync(Washington2010);

        Assert.Equal("Michael Posner", round.Delegations.Single(d => d.Side == "us").LedBy);
        Assert.Equal("Chen Xu", round.Delegations.Single(d => d.Side == "cn").LedBy);
        Assert.Contains(round.Delegations.Single(d => d.Side == "cn").Members, m => m.Name == "Chen Xu" && m.Agency.Contains("Ministry of Foreign Affairs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_document_says_who_led_in_2011_or_2012_so_no_leader_is_recorded_though_Posner_spoke_for_the_US()
    {
        foreach (var roundId in new[] { Beijing2011, Washington2012 })
        {
            var round = await GetRoundAsync(roundId);
            Assert.All(round.Delegations, delegation => Assert.Equal(string.Empty, delegation.LedBy));
            // 000, 002, 003 and 004 say "Michael Posner" (only 001 adds the initial): the record spells him so.
            Assert.Contains(round.Delegations.Single(d => d.Side == "us").Members, m => m.Name == "Michael Posner");
        }
    }

    [Fact]
    public async Task The_2011_round_in_Beijing_was_the_16th_meeting_and_raised_the_missing_lawyers_Liu_Xiaobo_Liu_Xia_and_Ai_Weiwei()
    {
        var round = await GetRoundAsync(Beijing2011);

        Assert.Equal("16th", round.Ordinal);
        Assert.Equal("Beijing", round.Place);
        Assert.Equal("2011-04", round.Dates);
        var raised = round.CasesRaised.Select(c => c.CaseId).ToHashSet();
        Assert.Superset(new HashSet<string> { "teng-biao", "chen-guangcheng", "gao-zhisheng", "liu-xiaobo", "liu-xia", "ai-weiwei" }, raised);
    }

    [Fact]
    public async Task The_2012_round_raised_Ni_Yulan_and_Chen_Kegui_as_well_as_Liu_Xiaobo_and_Gao_Zhisheng()
    {
        var raised = (await GetRoundAsync(Washington2012)).CasesRaised.Select(c => c.CaseId).ToHashSet();

        Assert.Superset(new HashSet<string> { "ni-yulan", "chen-kegui", "liu-xiaobo", "gao-zhisheng" }, raised);
    }

    [Theory]
    [InlineData("2010-12-31", "pending")]
    [InlineData("2011-12-31", "kept")]
    [InlineData("2026-11-26", "kept")]
    public async Task The_commitment_to_meet_again_in_China_in_2011_is_pending_until_the_Beijing_round_keeps_it(string asOf, string status)
    {
        var commitment = (await Views.GetCommitmentAsync(new GetCommitmentRequest { CommitmentId = "next-round-in-china-2011", AsOf = asOf }, Deadline())).Commitment;

        Assert.Equal(["us", "cn"], commitment.MadeBy);
        Assert.Equal("2011", commitment.Due);
        Assert.Equal(status, commitment.Status);
    }

    [Fact]
    public async Task The_legal_experts_dialogue_set_for_June_2011_is_unknown_after_it_as_no_document_after_April_2011_follows_that_track()
    {
        var commitment = (await Views.GetCommitmentAsync(new GetCommitmentRequest { CommitmentId = "legal-experts-dialogue", AsOf = "2011-07-01" }, Deadline())).Commitment;

        // 001: "we agreed to set the dates and agenda to restart those discussions soon" gives no end; 004 (April
        // 2011): "will take place in June".
        Assert.Equal("2010-05-14/", commitment.Due);
        Assert.Equal("2011-06", commitment.DueInForce);
        Assert.Equal("unknown", commitment.Status);
        Assert.Equal(("commitment", "2011-04"), (commitment.Coverage.AppliesFrom, commitment.Coverage.ReviewedUpTo));
        Assert.Contains("reviewed up to 2011-04", commitment.Reason, StringComparison.Ordinal);
        Assert.Null(commitment.Fulfilled);
        Assert.Contains(commitment.Reaffirmations, r => r.Words.Contains("next few months", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("posner-beijing-next-week", "intention", "2010-05-14")]
    [InlineData("human-rights-at-next-sed", "intention", "2011-04")]
    [InlineData("legal-experts-dialogue", "undertaking", "2011-04")]
    public async Task The_three_commitments_no_later_document_follows_are_unknown_today_not_years_overdue(string id, string kind, string reviewedUpTo)
    {
        var commitment = (await Views.GetCommitmentAsync(new GetCommitmentRequest { CommitmentId = id, AsOf = "2026-11-26" }, Deadline())).Commitment;

        Assert.Equal("unknown", commitment.Status);
        Assert.Equal(0, commitment.DaysLate);
        Assert.Null(commitment.Late);
        Assert.Equal(kind, commitment.Kind);
        Assert.Equal(reviewedUpTo, commitment.Coverage.ReviewedUpTo);
    }

    [Theory]
    [InlineData("religion-expert-talks", "intention")]
    [InlineData("labor-expert-talks", "intention")]
    [InlineData("meet-liu-xia", "request")]
    [InlineData("next-round-in-china-2011", "undertaking")]
    [InlineData("continue-raising-liu-xiaobo", "undertaking")]
    public async Task Each_commitment_has_the_kind_its_words_give(string id, string kind)
    {
        var commitment = (await Views.GetCommitmentAsync(new GetCommitmentRequest { CommitmentId = id }, Deadline())).Commitment;

        Assert.Equal(kind, commitment.Kind);
    }

    [Fact]
    public async Task The_human_rights_dialogue_is_reviewed_up_to_July_2012_and_its_undertakings_kept_within_it_cite_their_evidence()
    {
        var commitment = (await Views.GetCommitmentAsync(new GetCommitmentRequest { CommitmentId = "next-round-in-china-2011", AsOf = "2026-11-26" }, Deadline())).Commitment;

        Assert.Equal(("dialogue", "2012-07", "us-china-human-rights"), (commitment.Coverage.AppliesFrom, commitment.Coverage.ReviewedUpTo, commitment.Coverage.DialogueId));
        Assert.Equal("cdt-us-defends-value-of-dialogue-2012-07", commitment.Coverage.Source.SourceId);
        Assert.Equal("kept", commitment.Status);
        Assert.Equal(["made", "fulfilled"], commitment.FactsUsed.Select(f => f.Type));
        Assert.Equal("cnn-serious-backsliding-2011-04", commitment.FactsUsed[1].Source.SourceId);
    }

    [Fact]
    public async Task Undertakings_alone_leave_out_the_aims_and_the_request()
    {
        var undertakings = (await Views.ListCommitmentsAsync(new ListCommitmentsRequest { Kind = "undertaking", PageSize = 100, AsOf = "2026-11-26" }, Deadline())).Commitments.Select(c => c.CommitmentId).ToList();

        Assert.Contains("next-round-in-china-2011", undertakings);
        Assert.DoesNotContain("religion-expert-talks", undertakings);
        Assert.DoesNotContain("meet-liu-xia", undertakings);
        Assert.DoesNotContain("posner-beijing-next-week", undertakings);
    }

    [Fact]
    public async Task Of_the_commitments_made_in_2010_the_next_round_in_China_is_among_those_kept()
    {
        var kept = (await Views.ListCommitmentsAsync(new ListCommitmentsRequest { RoundId = Washington2010, Status = "kept", PageSize = 100 }, Deadline())).Commitments;

        Assert.Contains(kept, c => c.CommitmentId == "next-round-in-china-2011");
        Assert.DoesNotContain(kept, c => c.CommitmentId == "legal-experts-dialogue");
    }

    [Fact]
    public async Task Liu_Xiaobo_s_case_file_shows_his_11_year_sentence_for_subversion_and_every_round_that_raised_him()
    {
        var file = (await Views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = "liu-xiaobo" }, Deadline())).CaseFile;

        Assert.Equal("sentenced", file.CurrentStatus.Status);
        Assert.Contains(file.StatusTimeline, s => s.Term == "11 years" && s.Charge == "subversion" && s.AsOf == "2010-05-13");
        Assert.Superset(new HashSet<string> { Washington2010, Beijing2011, Washington2012 }, file.Raised.Select(r => r.RoundId).ToHashSet());
        Assert.Contains(file.Responses, r => r.From == "cn" && r.Detail.Contains("judicial sovereignty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Searching_what_was_said_about_the_rule_of_law_finds_Posner_s_words_with_the_match_highlighted()
    {
        var found = (await Views.ListStatementsAsync(new ListStatementsRequest { Query = "rule of law", PageSize = 20 }, Deadline())).Statements;

        Assert.NotEmpty(found);
        Assert.All(found, s => Assert.Contains("rule", s.Match.HighlightedText, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(found, s => s.Speaker == "Michael Posner" && s.Match.HighlightedText.Contains("[rule]", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_concerns_the_Chinese_side_raised_about_the_United_States_are_recorded_as_its_statements()
    {
        var chinese = (await Views.ListStatementsAsync(new ListStatementsRequest { Side = "cn", PageSize = 100 }, Deadline())).Statements;

        // The AP story gives China's answer as a standing one, not tied to a round.
        Assert.Contains(chinese, s => s.Text.Contains("homelessness and racial discrimination", StringComparison.Ordinal));
        Assert.Contains(chinese, s => s.Text.Contains("prison conditions", StringComparison.Ordinal) && s.RoundId == Washington2012);
    }

    [Fact]
    public async Task Importing_the_reference_record_a_second_time_records_nothing_new()
    {
        var again = await record.ImportAsync(DatasetFolder.Load(RepositoryPaths.ReferenceDataset, RepositoryPaths.Sources));

        Assert.Equal(0, again.Recorded);
        Assert.Equal(record.Dataset.EntryCount, again.Replayed);
        Assert.Equal(record.FirstImport.LastPosition, again.LastPosition);
    }

    [Fact]
    public async Task A_broken_dataset_file_is_rejected_with_its_file_and_line_and_nothing_is_recorded()
    {
        using var scratch = new ScratchDataset();
        var roundId = $"scratch-{Guid.NewGuid():N}"[..24];
        scratch.AddFile("10-round.yaml", $"""
            about: A round whose second entry misspells a field.
            entries:
              - record: hold-round
                round_id: {roundId}
                dialogue_id: us-china-human-rights
                dates: "2031-03-03"
                place: Geneva
                source: {scratch.Cite("The delegations met on 3 March 2031 in Geneva.")}
              - record: characterise-outcome
                round_id: {roundId}
                side: us
                charactersation: frank
                source: {scratch.Cite("Both sides said the talks were frank.")}
            """);

        var problem = Assert.Single(scratch.Problems());

        Assert.Equal(("10-round.yaml", 12), (problem.File, problem.Line));
        Assert.Contains("'charactersation' is not a field of CharacteriseOutcomeRequest", problem.Message, StringComparison.Ordinal);
        var lookup = await Assert.ThrowsAsync<RpcException>(async () => await Views.GetRoundAsync(new GetRoundRequest { RoundId = roundId, MinPosition = record.FirstImport.LastPosition }, Deadline()));
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task An_entry_the_server_would_refuse_is_found_by_its_check_and_reported_with_its_file_and_line_before_anything_is_recorded()
    {
        using var scratch = new ScratchDataset();
        var roundId = $"scratch-{Guid.NewGuid():N}"[..24];
        var held = $"""
              - record: hold-round
                round_id: {roundId}
                dialogue_id: us-china-human-rights
                dates: "2031-03-03"
                place: Geneva
                source: {scratch.Cite("The delegations met on 3 March 2031 in Geneva.")}
            """;
        scratch.AddFile("10-round.yaml", $"""
            about: A round, then a case raised in it that was never opened.
            entries:
            {held}
              - record: raise-case
                case_id: never-opened-{roundId}
                raised_by: us
                channel: round
                round_id: {roundId}
                date: "2031-03-03"
                source: {scratch.Cite("Both sides said the talks were frank.")}
            """);

        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => record.ImportAsync(scratch.Load()));

        Assert.Equal("10-round.yaml:9", refused.Entry.Where);
        Assert.Equal(0, refused.RecordedFromFile);
        Assert.Contains("raise-case", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"never-opened-{roundId}", refused.Message, StringComparison.Ordinal);
        var lookup = await Assert.ThrowsAsync<RpcException>(async () => await Views.GetRoundAsync(new GetRoundRequest { RoundId = roundId, MinPosition = record.FirstImport.LastPosition }, Deadline()));
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);

        scratch.AddFile("10-round.yaml", $"""
            about: The same round, the bad entry taken out.
            entries:
            {held}
            """);
        var fixedImport = await record.ImportAsync(scratch.Load());

        Assert.Equal((2, 0), (fixedImport.Recorded, fixedImport.Replayed));
        Assert.Equal("Geneva", (await GetRoundAsync(roundId)).Place);
    }

    [Theory]
    [InlineData("Michael H. Posner", "Michael Posner")]
    [InlineData("Hillary Rodham Clinton", "Hillary Clinton")]
    public async Task One_person_is_named_one_way_in_the_statements(string otherForm, string recordedForm)
    {
        // Posner: "Michael Posner" in 000, 002, 003 and 004, "Michael H. Posner" in 001 only. Clinton: once each in 003
        // ("Hillary Rodham Clinton") and 004 ("Hillary Clinton").
        // Other tests of this collection record statements of their own on the same server, with ids ending in a
        // Guid; the claim is about the reference record's.
        Assert.DoesNotContain(await StatementsByAsync(otherForm), s => !System.Text.RegularExpressions.Regex.IsMatch(s.StatementId, "-[0-9a-f]{32}$"));
        Assert.NotEmpty(await StatementsByAsync(recordedForm));
    }

    [Fact]
    public async Task A_delegation_entry_for_an_agency_names_the_agency_and_says_no_person_was_named()
    {
        foreach (var roundId in new[] { Washington2010, Washington2012 })
        {
            var members = (await GetRoundAsync(roundId)).Delegations.SelectMany(d => d.Members).ToList();
            Assert.DoesNotContain(members, m => m.Name.Contains("not named", StringComparison.Ordinal));
        }

        // 001: "other agencies too participated – Department of Justice, Homeland Security, Labor, Commerce, IRS, U.S.
        // Trade Representative’s Office, and members of the judiciary"; "nine agency representatives from their
        // ministries of Justice, Public Security, State Administration, Religious Affairs, Supreme Court".
        var delegations = (await GetRoundAsync(Washington2010)).Delegations;
        var us = delegations.Single(d => d.Side == "us").Members;
        var cn = delegations.Single(d => d.Side == "cn").Members;
        Assert.Contains(us, m => (m.Name, m.Agency, m.Title) == ("Department of Justice", "Department of Justice", "agency represented; no person named"));
        Assert.Equal(8, us.Count(m => m.Title.Contains("none named", StringComparison.Ordinal) || m.Title.Contains("no person named", StringComparison.Ordinal)));
        Assert.Equal(4, cn.Count(m => m.Title.Contains("none named", StringComparison.Ordinal)));
        Assert.Equal(("Michael Posner", "Chen Xu"), (delegations.Single(d => d.Side == "us").LedBy, delegations.Single(d => d.Side == "cn").LedBy));
    }

    [Theory]
    [InlineData("teng-biao")]
    [InlineData("chen-guangcheng")]
    [InlineData("gao-zhisheng")]
    [InlineData("ai-weiwei")]
    public async Task No_case_inquired_about_in_2011_has_a_response_since_004_gives_none_per_case(string caseId)
    {
        var file = (await Views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = caseId }, Deadline())).CaseFile;

        // 004's "no comfort in the response or rather lack of response" is about the talks, not about one case.
        Assert.Contains(file.Raised, r => r.RoundId == Beijing2011);
        Assert.DoesNotContain(file.Responses, r => r.Date.StartsWith("2011", StringComparison.Ordinal));
        Assert.DoesNotContain(file.Responses, r => r.Source.Quote.Contains("lack of response", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("posner-2010-05-14-secretary-s-january-speech", "state-posner-briefing-2010-05-14", "The Secretary’s speech in January")]
    [InlineData("posner-2010-05-14-labor-inspectors", "state-posner-briefing-2010-05-14", "either in China or the United States")]
    [InlineData("posner-2010-05-14-arizona-not-raised-by-china", "state-posner-briefing-2010-05-14", "No, that was not raised.")]
    [InlineData("posner-2010-05-14-no-resolution-in-two-days", "state-posner-briefing-2010-05-14", "surprised if we had a resolution of something in a two-day talk")]
    [InlineData("posner-2010-05-14-no-human-rights-council-resolution", "state-posner-briefing-2010-05-14", "an uphill battle on these issues")]
    [InlineData("posner-2010-05-14-did-not-tell-china-anything", "state-posner-briefing-2010-05-14", "we didn’t tell China anything")]
    [InlineData("posner-2010-05-14-contract-law-2008", "state-posner-briefing-2010-05-14", "basic contract law, for example, from 2008")]
    [InlineData("chinese-officials-2011-04-little-to-say", "cnn-serious-backsliding-2011-04", "Chinese officials had little to say")]
    [InlineData("posner-2011-04-tightening-political-climate", "cnn-serious-backsliding-2011-04", "tightening political climate")]
    [InlineData("posner-2012-07-legal-representation-free-press", "cdt-us-defends-value-of-dialogue-2012-07", "access to legal representation for all citizens, a free press and a “robust” culture")]
    [InlineData("posner-2012-07-greater-attention-on-the-web", "cdt-us-defends-value-of-dialogue-2012-07", "greater attention to these issues by Chinese people on the web")]
    [InlineData("global-times-2012-07-national-action-plans", "cdt-us-defends-value-of-dialogue-2012-07", "two national action plans on human rights in 2009 and 2012")]
    public async Task A_statement_an_analyst_looks_for_is_recorded_with_its_document(string statementId, string sourceId, string words)
    {
        var statement = (await Views.GetStatementAsync(new GetStatementRequest { StatementId = statementId }, Deadline())).Statement;

        Assert.Equal(sourceId, statement.Source.SourceId);
        Assert.Contains(words, statement.Source.Quote, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<Statement>> StatementsByAsync(string speaker) =>
        (await Views.ListStatementsAsync(new ListStatementsRequest { Speaker = speaker, PageSize = 100 }, Deadline())).Statements;

    private async Task<Round> GetRoundAsync(string roundId) =>
        (await Views.GetRoundAsync(new GetRoundRequest { RoundId = roundId }, Deadline())).Round;

    private static CallOptions Deadline() => new(deadline: DateTime.UtcNow + Timeouts.Call);
}
