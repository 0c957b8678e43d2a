using EventDialogue.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace EventDialogue.Server.Tests.Views;

public abstract partial class ViewsServiceContract
{
    [Fact]
    public async Task Statements_are_filtered_by_speaker_side_topic_round_source_and_setting_in_the_order_they_were_said()
    {
        var given = await GivenWashington2010Async();
        async Task<string[]> Ids(ListStatementsRequest request) => [.. (await Views.ListStatementsAsync(request, Call())).Statements.Select(s => s.StatementId)];

        var inRound = await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId, MinPosition = given.LastPosition }, Call());
        var benchmark = (await Views.GetStatementAsync(new GetStatementRequest { StatementId = given.Benchmark }, Call())).Statement;

        Assert.Equal([given.JudicialSovereignty, given.Candid, given.Benchmark, given.RuleOfLawTrack, given.SupremeCourt], inRound.Statements.Select(s => s.StatementId));
        Assert.All(inRound.Statements, s => Assert.Null(s.Match));
        Assert.Equal([given.Candid, given.Benchmark, given.RuleOfLawTrack, given.SupremeCourt], await Ids(new() { RoundId = given.RoundId, Speaker = Posner }));
        Assert.Equal([given.JudicialSovereignty], await Ids(new() { RoundId = given.RoundId, Side = "cn" }));
        Assert.Equal([given.RuleOfLawTrack, given.SupremeCourt], await Ids(new() { RoundId = given.RoundId, Topic = "rule of law" }));
        Assert.Equal([given.RuleOfLawTrack, given.SupremeCourt], await Ids(new() { RoundId = given.RoundId, Topic = "rule of law", Side = "us", Setting = "briefing" }));
        Assert.Equal([given.JudicialSovereignty], await Ids(new() { SourceId = given.ApStoryId }));
        Assert.Equal([given.JudicialSovereignty], await Ids(new() { RoundId = given.RoundId, Setting = "statement" }));
        Assert.Empty(await Ids(new() { RoundId = given.RoundId, Speaker = "Chen Xu" }));

        Assert.Equal((Posner, PosnerTitle, "us", "briefing", "2010-05-14", "Washington, DC"), (benchmark.Speaker, benchmark.SpeakerTitle, benchmark.Side, benchmark.Setting, benchmark.Said, benchmark.Place));
        Assert.Equal((BenchmarkWords, true, "neutral", given.RoundId), (benchmark.Text, benchmark.Exact, benchmark.Stance, benchmark.RoundId));
        Assert.Equal(["legal experts dialogue", "benchmarks"], benchmark.Topics);
        Assert.Equal((given.BriefingId, BenchmarkWords), (benchmark.Source.SourceId, benchmark.Source.Quote));
    }

    [Fact]
    public async Task A_full_text_search_for_rule_of_law_finds_only_the_statements_with_those_words_best_first_with_the_words_highlighted()
    {
        var given = await GivenWashington2010Async();
        var paraphrase = Unique("posner-rule-of-law-paraphrase");
        const string paraphraseText = "Rule of law: Posner said rule of law issues are where the two sides can work together.";
        var written = (await Recording.RecordStatementAsync(new RecordStatementRequest
        {
            RequestId = RequestId(),
            StatementId = paraphrase,
            Speaker = Posner,
            SpeakerTitle = PosnerTitle,
            Side = "us",
            Setting = "briefing",
            Said = "2010-05-14",
            Text = paraphraseText,
            Exact = false,
            Topics = { "rule of law" },
            RoundId = given.RoundId,
            Source = Cite(given.BriefingId, RuleOfLawTrackWords),
        }, Call())).Result;

        var found = (await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId, Query = "rule of law", MinPosition = written.Position }, Call())).Statements;
        var laws = (await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId, Query = "domestic laws", Side = "cn" }, Call())).Statements;
        var nothing = (await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId, Query = "rule of law", Side = "cn" }, Call())).Statements;

        Assert.Equal(new[] { given.RuleOfLawTrack, given.SupremeCourt, paraphrase }.Order(StringComparer.Ordinal), found.Select(s => s.StatementId).Order(StringComparer.Ordinal));
        Assert.Equal(paraphrase, found[0].StatementId);
        var ranks = found.Select(s => s.Match.Rank).ToList();
        Assert.True(ranks.All(r => r > 0), $"ranks: {string.Join(", ", ranks)}");
        Assert.True(ranks.SequenceEqual(ranks.OrderDescending()), $"not best first: {string.Join(", ", ranks)}");
        Assert.True(ranks[0] > ranks[^1], $"the statement that says it twice in few words ranks no higher: {string.Join(", ", ranks)}");
        foreach (var statement in found)
        {
            var highlighted = statement.Match.HighlightedText;
            Assert.Contains("[rule]", highlighted, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("[law]", highlighted, StringComparison.Ordinal);
            Assert.DoesNotContain("[discuss", highlighted, StringComparison.Ordinal);
            Assert.Equal(statement.Text, highlighted.Replace("[", string.Empty, StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal));
        }

        Assert.StartsWith("[Rule] ", found[0].Match.HighlightedText, StringComparison.Ordinal);
        var wang = Assert.Single(laws);
        Assert.Equal(given.JudicialSovereignty, wang.StatementId);
        Assert.Contains("[domestic] [laws]", wang.Match.HighlightedText, StringComparison.Ordinal);
        Assert.Empty(nothing);
    }

    [Fact]
    public async Task A_retracted_statement_disappears_from_the_views_and_a_corrected_one_shows_as_it_should_have_read()
    {
        var given = await GivenWashington2010Async();
        var tough = Unique("posner-tough-set-of-discussions");
        const string misquoted = "It was a tough set of talks";
        const string words = "It was a tough set of discussions";

        // Recorded against the wrong round, misquoted; then corrected. And one statement retracted outright.
        var recorded = (await Recording.RecordStatementAsync(new RecordStatementRequest
        {
            RequestId = RequestId(),
            StatementId = tough,
            Speaker = Posner,
            Side = "us",
            Setting = "press-conference",
            Said = "2010-05-14",
            Text = misquoted,
            Exact = true,
            Topics = { "tone" },
            RoundId = given.RoundId,
            Source = Cite(given.CnnStoryId),
        }, Call())).Result;
        var beforeAmendments = await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId, MinPosition = recorded.Position }, Call());
        await Recording.CorrectEntryAsync(new CorrectEntryRequest
        {
            RequestId = RequestId(),
            TargetStream = $"statement-{tough}",
            TargetRevision = 0,
            ReplacementType = "StatementRecorded",
            Replacement = StatementRecordedFields(tough, "2011-04-28", words, given.NextRoundId, given.CnnStoryId),
            Reason = "said at the Beijing round of 2011, in these words",
            Source = Cite(given.CnnStoryId, "\"It was a tough set of discussions,\" said Michael Posner"),
        }, Call());
        var retracted = (await Recording.RetractEntryAsync(new RetractEntryRequest
        {
            RequestId = RequestId(),
            TargetStream = $"statement-{given.Candid}",
            TargetRevision = 0,
            Reason = "recorded twice: the round's characterisation already holds it",
        }, Call())).Result;

        var corrected = (await Views.GetStatementAsync(new GetStatementRequest { StatementId = tough, MinPosition = retracted.Position }, Call())).Statement;
        var inRound = await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId }, Call());
        var inNextRound = await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.NextRoundId }, Call());
        var candidSearch = await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId, Query = "candid constructive" }, Call());
        var talksSearch = await Views.ListStatementsAsync(new ListStatementsRequest { SourceId = given.CnnStoryId, Query = "talks" }, Call());
        var discussionsSearch = await Views.ListStatementsAsync(new ListStatementsRequest { SourceId = given.CnnStoryId, Query = "discussions" }, Call());
        var round = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId, MinPosition = retracted.Position }, Call())).Round;
        var nextRound = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.NextRoundId }, Call())).Round;

        Assert.Equal(6, beforeAmendments.Round.StatementsCount);
        await NotFoundAsync(given.Candid, async () => await Views.GetStatementAsync(new GetStatementRequest { StatementId = given.Candid }, Call()));
        Assert.Equal((words, "2011-04-28", given.NextRoundId), (corrected.Text, corrected.Said, corrected.RoundId));
        Assert.Equal([given.JudicialSovereignty, given.Benchmark, given.RuleOfLawTrack, given.SupremeCourt], inRound.Statements.Select(s => s.StatementId));
        Assert.Equal([tough], inNextRound.Statements.Select(s => s.StatementId));
        Assert.Empty(candidSearch.Statements);
        Assert.Empty(talksSearch.Statements);
        Assert.Equal([tough], discussionsSearch.Statements.Select(s => s.StatementId));
        Assert.Equal(4, round.StatementsCount);
        Assert.Equal(1, nextRound.StatementsCount);
    }

    /// <summary>A StatementRecorded's fields as stored, in snake_case: the replacement of a correction.</summary>
    private static Struct StatementRecordedFields(string statementId, string said, string text, string roundId, string sourceId) => new()
    {
        Fields =
        {
            ["statement_id"] = Value.ForString(statementId),
            ["speaker"] = Value.ForString(Posner),
            ["speaker_title"] = Value.ForNull(),
            ["side"] = Value.ForString("us"),
            ["setting"] = Value.ForString("press-conference"),
            ["said"] = Value.ForString(said),
            ["place"] = Value.ForString("Beijing"),
            ["text"] = Value.ForString(text),
            ["exact"] = Value.ForBool(true),
            ["topics"] = Value.ForList(Value.ForString("tone")),
            ["stance"] = Value.ForNull(),
            ["round_id"] = Value.ForString(roundId),
            ["source"] = Value.ForStruct(new Struct
            {
                Fields =
                {
                    ["source_id"] = Value.ForString(sourceId),
                    ["quote"] = Value.ForString("\"It was a tough set of discussions,\" said Michael Posner"),
                    ["locator"] = Value.ForNull(),
                },
            }),
        },
    };
}
