using EventDialogue.Domain.Common;
using EventDialogue.Domain.Statements;
using static EventDialogue.Domain.Tests.Deciders.Spec;
using static EventDialogue.Domain.Tests.Washington2010;

namespace EventDialogue.Domain.Tests.Deciders;

public sealed class StatementDeciderTests
{
    private static readonly StatementDecider Decider = new();

    private static StatementState Given(params IDomainEvent[] history) => Decider.Given(history);

    private static RecordStatement FirstBenchmark() => new(
        BenchmarkStatement,
        "Michael H. Posner",
        "Assistant Secretary, Bureau of Democracy, Human Rights, and Labor",
        "us",
        "briefing",
        "2010-05-14",
        "Washington, DC",
        BenchmarkWords,
        true,
        ["legal experts dialogue", "rule of law"],
        "supportive",
        Round,
        Benchmark);

    [Fact]
    public void Given_no_history_when_Posners_first_benchmark_is_recorded_then_speaker_words_round_and_source_are_kept()
    {
        SameEvent(BenchmarkRecorded, OnlyEvent<StatementRecorded>(Decider.Decide(Given(), FirstBenchmark(), Everything())));
    }

    [Fact]
    public void Texts_are_trimmed_words_of_the_vocabularies_lower_cased_and_dates_normalised()
    {
        var command = FirstBenchmark() with
        {
            Speaker = "  Michael H. Posner ",
            SpeakerTitle = " Assistant Secretary, Bureau of Democracy, Human Rights, and Labor ",
            Setting = " Briefing ",
            Said = " 2010-05-14 ",
            Place = " Washington, DC ",
            Text = $"  {BenchmarkWords}\n",
            Topics = [" legal experts dialogue ", "rule of law", "rule of law "],
            Stance = "Supportive",
        };

        SameEvent(BenchmarkRecorded, OnlyEvent<StatementRecorded>(Decider.Decide(Given(), command, Everything())));
    }

    [Fact]
    public void A_paraphrase_with_no_round_no_topics_and_no_stance_is_recorded()
    {
        var command = FirstBenchmark() with { Exact = false, RoundId = null, Topics = [], Stance = null, SpeakerTitle = null, Place = null };

        var recorded = OnlyEvent<StatementRecorded>(Decider.Decide(Given(), command, Known(Streams.Source(Briefing))));

        Assert.False(recorded.Exact);
        Assert.Null(recorded.RoundId);
        Assert.Empty(recorded.Topics);
        Assert.Null(recorded.Stance);
    }

    [Fact]
    public void A_statement_cites_a_source_that_exists()
    {
        var refusal = Refused(() => Decider.Decide(Given(), FirstBenchmark(), EverythingBut(Streams.Source(Briefing))), DomainErrorKind.NotFound, "source.source_id");

        Assert.Contains($"source '{Briefing}' does not exist", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_cites_a_source()
    {
        Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { Source = null! }, Everything()), "source");
    }

    [Fact]
    public void The_round_a_statement_concerns_exists()
    {
        Refused(() => Decider.Decide(Given(), FirstBenchmark(), EverythingBut(Streams.Round(Round))), DomainErrorKind.NotFound, "round_id");
    }

    [Fact]
    public void A_statement_cannot_be_recorded_twice()
    {
        Refused(() => Decider.Decide(Given(BenchmarkRecorded), FirstBenchmark(), Everything()), DomainErrorKind.AlreadyExists, "statement_id");
    }

    [Fact]
    public void A_statement_says_something()
    {
        Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { Text = " " }, Everything()), "text");
    }

    [Fact]
    public void A_text_holding_a_NUL_character_is_refused_naming_its_field_so_both_backends_keep_the_same_texts()
    {
        var refusal = Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { Text = "candid\0 talks", Place = "Washing\0ton" }, Everything()), "place", "text");

        Assert.Contains("NUL", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_over_20000_characters_is_refused()
    {
        var refusal = Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { Text = Chars(20_001) }, Everything()), "text");

        Assert.Equal("is at most 20000 characters; this one has 20001", refusal.Message);
    }

    [Fact]
    public void A_statement_has_a_speaker()
    {
        Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { Speaker = "" }, Everything()), "speaker");
        Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { Speaker = Chars(201) }, Everything()), "speaker");
    }

    [Fact]
    public void A_speakers_title_over_500_characters_is_refused()
    {
        Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { SpeakerTitle = Chars(501) }, Everything()), "speaker_title");
    }

    [Theory]
    [InlineData("United States")]
    [InlineData("")]
    public void The_speakers_side_is_a_party_code(string side)
    {
        Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { Side = side }, Everything()), "side");
    }

    [Fact]
    public void The_setting_comes_from_a_fixed_vocabulary()
    {
        var refusal = Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { Setting = "tweet" }, Everything()), "setting");

        Assert.Contains("'tweet' is not one of: briefing, press-conference", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stance_comes_from_a_fixed_vocabulary()
    {
        Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { Stance = "hopeful" }, Everything()), "stance");
    }

    [Theory]
    [InlineData("")]
    [InlineData("14 May 2010")]
    [InlineData("2010-05-14T15:00")]
    public void The_day_it_was_said_is_EDTF(string said)
    {
        Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { Said = said }, Everything()), "said");
    }

    [Fact]
    public void The_round_id_is_a_slug()
    {
        Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { RoundId = "Washington 2010" }, Everything()), "round_id");
    }

    [Fact]
    public void The_statement_id_is_a_slug()
    {
        Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { StatementId = "Posner!" }, Everything()), "statement_id");
    }

    [Fact]
    public void A_statement_has_at_most_30_topics()
    {
        Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { Topics = [.. Enumerable.Range(1, 31).Select(i => $"topic {i}")] }, Everything()), "topics");
    }

    [Fact]
    public void Every_wrong_field_of_a_statement_is_named_in_the_order_of_the_command()
    {
        var command = FirstBenchmark() with { Speaker = " ", Side = "U.S.", Said = "14 May", Stance = "angry", Source = Benchmark with { Quote = Chars(5_001) } };

        Invalid(() => Decider.Decide(Given(), command, Everything()), "speaker", "side", "said", "stance", "source.quote");
    }

    [Fact]
    public void A_statement_with_no_words_and_no_source_is_refused_for_both()
    {
        Invalid(() => Decider.Decide(Given(), FirstBenchmark() with { Text = "", Source = null! }, Everything()), "text", "source");
    }
}
