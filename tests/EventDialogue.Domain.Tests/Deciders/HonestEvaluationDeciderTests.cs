using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Dialogues;
using static EventDialogue.Domain.Tests.Deciders.Spec;
using static EventDialogue.Domain.Tests.Washington2010;

namespace EventDialogue.Domain.Tests.Deciders;

/// <summary>What an honest evaluation needs recorded: a commitment's kind, how far the sources were reviewed, analysts' ratings.</summary>
public sealed class HonestEvaluationDeciderTests
{
    private static readonly CommitmentDecider Commitments = new();
    private static readonly DialogueDecider Dialogues = new();
    private static readonly CorrectionDecider Corrections = new();

    private static MakeCommitment Make(string? kind) => new(
        LegalExpertsCommitment, ["us", "cn"], LegalExpertsPromised.Words, LegalExpertsPromised.Action, "2010-05-14", "2010-05-14/", "no end given", Round, LegalExpertsAgreed, kind);

    private static ReviewCommitmentSources ReviewCommitment(string upTo = "2011-04") =>
        new(LegalExpertsCommitment, upTo, "The last document to speak of the legal experts dialogue is of April 2011.", LegalExpertsAgreed);

    private static ReviewDialogueSources ReviewDialogue(string upTo = "2012-06") =>
        new(HumanRightsDialogue, upTo, "Every document of the record read whole; the last is of June 2012.", LegalExpertsAgreed);

    private static RateCommitment Rate(string rating = "partly-kept", string ratedOn = "2012-07-25") =>
        new(LegalExpertsCommitment, rating, "Talks restarted a year late.", "analyst-1", ratedOn, LegalExpertsAgreed);

    [Theory]
    [InlineData("intention", "intention")]
    [InlineData(" request ", "request")]
    [InlineData("reported-expectation", "reported-expectation")]
    [InlineData(null, "undertaking")]
    [InlineData("", "undertaking")]
    public void Given_no_history_when_a_commitment_is_made_with_a_kind_then_the_kind_is_recorded_and_none_given_is_an_undertaking(string? given, string recorded)
    {
        Assert.Equal(recorded, OnlyEvent<CommitmentMade>(Commitments.Decide(Commitments.Given(), Make(given), Everything())).Kind);
    }

    [Fact]
    public void Given_no_history_when_a_commitment_is_made_with_an_unknown_kind_then_it_is_refused_naming_kind()
    {
        var refusal = Invalid(() => Commitments.Decide(Commitments.Given(), Make("hope"), Everything()), "kind");

        Assert.Contains("undertaking, intention, request, reported-expectation", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_commitment_recorded_as_an_undertaking_when_its_kind_is_corrected_to_an_intention_then_the_correction_carries_the_intention()
    {
        var stream = Streams.Commitment(LegalExpertsCommitment);
        var command = new CorrectEntry(stream, 0, LegalExpertsPromised with { Kind = "intention" }, "“we’re going to try” states an aim, not a promise.", null);

        var corrected = OnlyEvent<EntryCorrected>(Corrections.Decide(Corrections.Given(LegalExpertsPromised), command, Everything()));

        Assert.Equal("intention", Assert.IsType<CommitmentMade>(corrected.Replacement).Kind);
        Assert.Equal("intention", Assert.IsType<CommitmentMade>(Assert.Single(EffectiveHistory.Of([LegalExpertsPromised, corrected]))).Kind);
    }

    [Fact]
    public void Given_a_commitment_when_its_kind_is_corrected_to_no_kind_at_all_then_the_correction_names_the_replacement_s_kind()
    {
        var command = new CorrectEntry(Streams.Commitment(LegalExpertsCommitment), 0, LegalExpertsPromised with { Kind = "wish" }, "wrong kind", null);

        Invalid(() => Corrections.Decide(Corrections.Given(LegalExpertsPromised), command, Everything()), "replacement.kind");
    }

    [Fact]
    public void Given_a_commitment_when_its_sources_are_reviewed_up_to_a_month_then_the_horizon_is_recorded_with_its_source()
    {
        var reviewed = OnlyEvent<CommitmentSourcesReviewed>(Commitments.Decide(Commitments.Given(LegalExpertsPromised), ReviewCommitment(" 2011-04 "), Everything()));

        Assert.Equal(("2011-04", LegalExpertsAgreed), (reviewed.ReviewedUpTo, reviewed.Source));
    }

    [Theory]
    [InlineData("2011-04/..", "reviewed_up_to")]
    [InlineData("April 2011", "reviewed_up_to")]
    [InlineData("2012-08", "reviewed_up_to")]
    [InlineData("", "reviewed_up_to")]
    public void A_review_horizon_has_a_last_day_not_after_today(string upTo, string field)
    {
        Invalid(() => Commitments.Decide(Commitments.Given(LegalExpertsPromised), ReviewCommitment(upTo), Everything()), field);
        Invalid(() => Dialogues.Decide(Dialogues.Given(LegalExpertsDialogueEstablished), ReviewDialogue(upTo), Everything()), field);
    }

    [Fact]
    public void A_review_needs_its_detail_and_its_source_each_named_when_missing()
    {
        Invalid(() => Commitments.Decide(Commitments.Given(LegalExpertsPromised), ReviewCommitment() with { Detail = " ", Source = null! }, Everything()), "detail", "source");
        Invalid(() => Dialogues.Decide(Dialogues.Given(LegalExpertsDialogueEstablished), ReviewDialogue() with { Detail = " ", Source = null! }, Everything()), "detail", "source");
    }

    [Fact]
    public void Given_no_commitment_when_its_sources_are_reviewed_then_it_is_not_found()
    {
        Refused(() => Commitments.Decide(Commitments.Given(), ReviewCommitment(), Everything()), DomainErrorKind.NotFound, null);
    }

    [Fact]
    public void Given_a_dialogue_when_its_sources_are_reviewed_up_to_June_2012_then_the_horizon_is_recorded()
    {
        var reviewed = OnlyEvent<DialogueSourcesReviewed>(Dialogues.Decide(Dialogues.Given(LegalExpertsDialogueEstablished), ReviewDialogue(), Everything()));

        Assert.Equal("2012-06", reviewed.ReviewedUpTo);
    }

    [Fact]
    public void Given_no_dialogue_when_its_sources_are_reviewed_then_it_is_not_found_and_a_missing_source_is_named()
    {
        Refused(() => Dialogues.Decide(Dialogues.Given(), ReviewDialogue(), Everything()), DomainErrorKind.NotFound, null);
        Refused(() => Dialogues.Decide(Dialogues.Given(LegalExpertsDialogueEstablished), ReviewDialogue(), EverythingBut(Streams.Source(Briefing))), DomainErrorKind.NotFound, "source.source_id");
    }

    [Fact]
    public void A_review_refers_to_its_source_so_that_the_handler_looks_it_up()
    {
        Assert.Contains(Streams.Source(Briefing), ReviewDialogue().References);
        Assert.Contains(Streams.Source(Briefing), ReviewCommitment().References);
    }

    [Fact]
    public void Given_a_withdrawn_commitment_when_an_analyst_rates_it_and_rates_it_again_then_both_ratings_are_recorded()
    {
        var first = OnlyEvent<CommitmentRated>(Commitments.Decide(Commitments.Given(LegalExpertsPromised, LegalExpertsWithdrawn), Rate(" Partly-Kept "), Everything()));
        var second = OnlyEvent<CommitmentRated>(Commitments.Decide(Commitments.Given(LegalExpertsPromised, LegalExpertsWithdrawn, first), Rate("not-kept"), Everything()));

        Assert.Equal(("partly-kept", "analyst-1", "2012-07-25"), (first.Rating, first.RatedBy, first.RatedOn));
        Assert.Equal("not-kept", second.Rating);
    }

    [Fact]
    public void A_rating_is_from_the_closed_set_dated_not_after_today_with_a_rationale_and_an_analyst()
    {
        Invalid(() => Commitments.Decide(Commitments.Given(LegalExpertsPromised), Rate("mostly"), Everything()), "rating");
        Invalid(() => Commitments.Decide(Commitments.Given(LegalExpertsPromised), Rate(ratedOn: "2012-07-26"), Everything()), "rated_on");
        Invalid(() => Commitments.Decide(Commitments.Given(LegalExpertsPromised), Rate() with { Rationale = "", RatedBy = " " }, Everything()), "rationale", "rated_by");
    }

    [Fact]
    public void Given_no_commitment_when_it_is_rated_then_it_is_not_found()
    {
        Refused(() => Commitments.Decide(Commitments.Given(), Rate(), Everything()), DomainErrorKind.NotFound, null);
    }
}
