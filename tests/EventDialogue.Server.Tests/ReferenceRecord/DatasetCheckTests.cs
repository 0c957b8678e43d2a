using EventDialogue.Client.Dataset;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.ReferenceRecord;

/// <summary>
/// The check a dataset passes before the importer sends anything: each problem is named with its file and line, and
/// every quote must be the cited document's own words.
/// </summary>
public sealed class DatasetCheckTests
{
    private const string HeldRound = """
        about: A round.
        entries:
          - record: hold-round
            round_id: scratch-round
            dialogue_id: us-china-human-rights
            dates: "2031-03-03"
            place: Geneva
            source: CITATION
        """;

    [Fact]
    public void Every_entry_of_the_reference_record_cites_a_registered_document_in_words_the_document_contains()
    {
        var dataset = DatasetFolder.Load(RepositoryPaths.ReferenceDataset, RepositoryPaths.Sources);

        Assert.Equal(
            ["00-sources.yaml", "01-earlier-rounds.yaml", "10-2010-washington-briefing.yaml", "11-2010-washington-ap.yaml", "12-2010-washington-voa.yaml", "20-2011-beijing.yaml", "30-2012-washington.yaml", "40-review-of-commitments.yaml", "50-review-of-the-record.yaml"],
            dataset.Files.Select(f => f.Name));
        Assert.All(dataset.Files, file => Assert.NotEmpty(file.Entries));
        Assert.Equal(5, dataset.Files.SelectMany(f => f.Entries).Count(e => e.Call.Name == "register-source"));
    }

    [Fact]
    public void A_scratch_dataset_that_is_right_passes_the_check()
    {
        using var scratch = new ScratchDataset();
        scratch.AddFile("10-round.yaml", HeldRound.Replace("CITATION", scratch.Cite("The delegations met on 3 March 2031 in Geneva."), StringComparison.Ordinal));

        var dataset = scratch.Load();

        Assert.Equal(2, dataset.EntryCount);
        Assert.Equal("hold-round", dataset.Files[1].Entries.Single().Call.Name);
    }

    [Fact]
    public void A_quote_the_document_does_not_contain_word_for_word_is_refused_at_its_entry()
    {
        using var scratch = new ScratchDataset();
        scratch.AddFile("10-round.yaml", HeldRound.Replace("CITATION", scratch.Cite("The delegations met on 4 March 2031 in Geneva."), StringComparison.Ordinal));

        var problem = Assert.Single(scratch.Problems());

        Assert.Equal(("10-round.yaml", 3), (problem.File, problem.Line));
        Assert.Contains("scratch.txt does not say, word for word: \"The delegations met on 4 March 2031 in Geneva.\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_may_cross_a_line_break_of_the_document()
    {
        using var scratch = new ScratchDataset();
        scratch.AddFile("10-round.yaml", HeldRound.Replace("CITATION", scratch.Cite("in Geneva. Both sides said"), StringComparison.Ordinal));

        Assert.Equal(2, scratch.Load().EntryCount);
    }

    [Theory]
    [InlineData("    source: CITATION", "    source: {source_id: nobody-registered-this, quote: \"Both sides said\"}", 3, "'nobody-registered-this' is not registered")]
    [InlineData("  - record: hold-round", "  - record: hold-rounds", 3, "'hold-rounds' is not a recording call")]
    [InlineData("    place: Geneva", "    plase: Geneva", 7, "'plase' is not a field of HoldRoundRequest")]
    [InlineData("    place: Geneva", "    request_id: mine", 7, "request_id is derived from the entry by the importer")]
    [InlineData("    place: Geneva", "    place: [Geneva, Lausanne]", 7, "place takes a single value")]
    [InlineData("    place: Geneva", "    place: Geneva: Lausanne", 7, "not valid YAML")]
    public void A_broken_entry_is_refused_with_its_file_and_line(string line, string brokenLine, int expectedLine, string message)
    {
        using var scratch = new ScratchDataset();
        var yaml = HeldRound.Replace(line, brokenLine, StringComparison.Ordinal);
        Assert.NotEqual(HeldRound, yaml);
        scratch.AddFile("10-round.yaml", yaml.Replace("CITATION", scratch.Cite("The delegations met on 3 March 2031 in Geneva."), StringComparison.Ordinal));

        var problems = scratch.Problems();

        Assert.Contains(problems, p => p.File == "10-round.yaml" && p.Line == expectedLine && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_leads_flag_that_is_not_true_or_false_is_refused_at_its_line()
    {
        using var scratch = new ScratchDataset();
        scratch.AddFile("10-round.yaml", $"""
            about: A delegation member.
            entries:
              - record: name-delegation-member
                round_id: scratch-round
                side: us
                name: Somebody
                leads: perhaps
                source: {scratch.Cite("Both sides said the talks were frank.")}
            """);

        var problem = Assert.Single(scratch.Problems());

        Assert.Equal(("10-round.yaml", 7, "leads is true or false, not 'perhaps'"), (problem.File, problem.Line, problem.Message));
    }

    [Fact]
    public void An_entry_without_a_source_or_with_an_empty_quote_is_refused()
    {
        using var scratch = new ScratchDataset();
        var emptyQuote = "{source_id: " + scratch.SourceId + ", quote: \"\"}";
        scratch.AddFile("10-round.yaml", $"""
            about: Two rounds that cite nothing.
            entries:
              - record: hold-round
                round_id: scratch-one
                dialogue_id: us-china-human-rights
                dates: "2031"
              - record: hold-round
                round_id: scratch-two
                dialogue_id: us-china-human-rights
                dates: "2031"
                source: {emptyQuote}
            """);

        Assert.Collection(
            scratch.Problems(),
            missing => Assert.Equal((3, true), (missing.Line, missing.Message.StartsWith("source: every entry cites its source", StringComparison.Ordinal))),
            empty => Assert.Equal((7, true), (empty.Line, empty.Message.StartsWith("source.quote: give the document's words", StringComparison.Ordinal))));
    }

    [Fact]
    public void The_same_entry_twice_is_refused_as_the_second_would_record_nothing()
    {
        using var scratch = new ScratchDataset();
        var entry = HeldRound.Replace("CITATION", scratch.Cite("The delegations met on 3 March 2031 in Geneva."), StringComparison.Ordinal);
        scratch.AddFile("10-round.yaml", entry);
        scratch.AddFile("11-again.yaml", entry);

        var problem = Assert.Single(scratch.Problems());

        Assert.Equal(("11-again.yaml", 3, "the same entry as at 10-round.yaml:3"), (problem.File, problem.Line, problem.Message));
    }
}
