using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Rounds;
using static EventDialogue.Domain.Tests.Deciders.Spec;
using static EventDialogue.Domain.Tests.Washington2010;

namespace EventDialogue.Domain.Tests.Deciders;

public sealed class CorrectionDeciderTests
{
    private static readonly CorrectionDecider Decider = new();

    private static readonly string RoundStream = Streams.Round(Round);

    /// <summary>The round's stream as first recorded: scheduled (0), held but called the "16th" (1), Chen Xu named (2), a session (3).</summary>
    private static readonly IDomainEvent[] RoundHistory = [WashingtonScheduled, WashingtonHeld with { Ordinal = "16th" }, ChenXuNamed, FirstDaySession];

    private static StreamEntries Given(params IDomainEvent[] history) => Decider.Given(history);

    private static CorrectEntry CorrectTheOrdinal(long revision = 1, IDomainEvent? replacement = null) =>
        new(RoundStream, revision, replacement ?? WashingtonHeld, OrdinalCorrected.Reason, SixteenthMeeting);

    private static RetractEntry Retract(long revision, string reason = "Recorded in the wrong round's stream.") => new(RoundStream, revision, reason, null);

    [Fact]
    public void Given_a_round_called_the_16th_when_it_is_corrected_to_the_15th_then_the_replacement_is_recorded_with_the_reason()
    {
        Assert.Equal(OrdinalCorrected, OnlyEvent<EntryCorrected>(Decider.Decide(Given(RoundHistory), CorrectTheOrdinal(), Everything())));
    }

    [Fact]
    public void Given_a_delegation_member_named_in_the_wrong_round_when_the_entry_is_retracted_then_its_revision_and_type_are_recorded()
    {
        var retracted = OnlyEvent<EntryRetracted>(Decider.Decide(Given(RoundHistory), Retract(2, "  Recorded in the wrong round's stream. "), Known()));

        Assert.Equal(MemberRetracted, retracted);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(99)]
    [InlineData(-1)]
    public void A_retraction_names_an_entry_that_exists(long revision)
    {
        var refusal = Refused(() => Decider.Decide(Given(RoundHistory), Retract(revision), Known()), DomainErrorKind.NotFound, "target_revision");

        Assert.Contains($"no entry at revision {revision} (its last is 3)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_names_an_entry_that_exists()
    {
        Refused(() => Decider.Decide(Given(RoundHistory), CorrectTheOrdinal(revision: 4), Everything()), DomainErrorKind.NotFound, "target_revision");
    }

    [Fact]
    public void A_stream_with_no_entries_has_nothing_to_correct()
    {
        var refusal = Refused(() => Decider.Decide(Given(), Retract(0), Known()), DomainErrorKind.NotFound, null);

        Assert.Contains($"stream '{RoundStream}' has no entries", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Correcting_a_correction_is_refused()
    {
        var refusal = Invalid(() => Decider.Decide(Given([.. RoundHistory, OrdinalCorrected]), CorrectTheOrdinal(revision: 4), Everything()), "target_revision");

        Assert.Contains("is itself a EntryCorrected", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retracting_a_correction_or_a_retraction_is_refused()
    {
        Invalid(() => Decider.Decide(Given([.. RoundHistory, OrdinalCorrected]), Retract(4), Known()), "target_revision");
        Invalid(() => Decider.Decide(Given([.. RoundHistory, MemberRetracted]), Retract(4), Known()), "target_revision");
    }

    [Fact]
    public void A_replacement_of_a_different_type_is_refused()
    {
        var refusal = Invalid(() => Decider.Decide(Given(RoundHistory), CorrectTheOrdinal(replacement: WashingtonScheduled), Everything()), "replacement");

        Assert.Contains("is a RoundHeld; its replacement must be one too, not a RoundScheduled", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_gives_the_replacement()
    {
        Invalid(() => Decider.Decide(Given(RoundHistory), CorrectTheOrdinal() with { Replacement = null! }, Everything()), "replacement");
    }

    [Fact]
    public void A_retracted_entry_cannot_be_retracted_or_corrected_again()
    {
        var history = Given([.. RoundHistory, new EntryRetracted(1, "RoundHeld", "wrong", null)]);

        Refused(() => Decider.Decide(history, Retract(1), Known()), DomainErrorKind.FailedPrecondition, "target_revision");
        Refused(() => Decider.Decide(history, CorrectTheOrdinal(), Everything()), DomainErrorKind.FailedPrecondition, "target_revision");
    }

    [Fact]
    public void An_entry_already_corrected_can_be_corrected_again()
    {
        var again = CorrectTheOrdinal(replacement: WashingtonHeld with { Place = "Washington, D.C." });

        Assert.Equal(1, OnlyEvent<EntryCorrected>(Decider.Decide(Given([.. RoundHistory, OrdinalCorrected]), again, Everything())).TargetRevision);
    }

    [Fact]
    public void Entries_after_a_correction_keep_their_revisions()
    {
        var history = Given([.. RoundHistory, OrdinalCorrected, WashingtonConcluded]);

        Assert.Equal("RoundConcluded", OnlyEvent<EntryRetracted>(Decider.Decide(history, Retract(5), Known())).TargetType);
    }

    [Fact]
    public void A_correction_says_why()
    {
        Invalid(() => Decider.Decide(Given(RoundHistory), CorrectTheOrdinal() with { Reason = " " }, Everything()), "reason");
        Invalid(() => Decider.Decide(Given(RoundHistory), Retract(2, Chars(20_001)), Known()), "reason");
    }

    [Fact]
    public void A_correction_may_cite_a_source_and_it_must_exist()
    {
        Refused(() => Decider.Decide(Given(RoundHistory), CorrectTheOrdinal(), EverythingBut(Streams.Source(CnnStory))), DomainErrorKind.NotFound, "source.source_id");
        Invalid(() => Decider.Decide(Given(RoundHistory), CorrectTheOrdinal() with { Source = new Citation("CNN") }, Everything()), "source.source_id");
    }

    [Fact]
    public void A_correction_needs_no_source()
    {
        Assert.Null(OnlyEvent<EntryCorrected>(Decider.Decide(Given(RoundHistory), CorrectTheOrdinal() with { Source = null }, Known())).Source);
    }

    [Fact]
    public void A_replacement_is_validated_like_the_entry_it_replaces()
    {
        // A replacement the round decision would refuse (dates that are not EDTF) must not enter the record by way of a correction.
        var bad = WashingtonHeld with { Dates = "13-14 May 2010" };

        var refusal = Assert.Throws<DomainException>(() => Decider.Decide(Given(RoundHistory), CorrectTheOrdinal(replacement: bad), Everything()));

        Assert.Equal(DomainErrorKind.InvalidArgument, refusal.Kind);
        Assert.StartsWith("replacement", refusal.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replacement_cites_a_source_that_exists()
    {
        // Every recorded fact cites a source that exists; a replacement is a recorded fact. Given only the streams the
        // correction refers to, a replacement citing an unregistered source must be refused.
        var replacement = WashingtonHeld with { Source = new Citation("no-such-source", "We met yesterday and today.") };
        var command = CorrectTheOrdinal(replacement: replacement);
        var known = Known([.. command.References]);

        var refusal = Assert.Throws<DomainException>(() => Decider.Decide(Given(RoundHistory), command, known));

        Assert.Equal(DomainErrorKind.NotFound, refusal.Kind);
        Assert.StartsWith("replacement", refusal.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replacement_is_stored_as_its_aggregate_would_have_recorded_it()
    {
        var untidy = WashingtonHeld with { Dates = " 2010-05-13/2010-05-14 ", Place = "  Washington, DC " };

        Assert.Equal(OrdinalCorrected, OnlyEvent<EntryCorrected>(Decider.Decide(Given(RoundHistory), CorrectTheOrdinal(replacement: untidy), Everything())));
    }

    [Fact]
    public void A_refused_replacement_is_named_by_the_field_of_the_replacement()
    {
        Invalid(() => Decider.Decide(Given(RoundHistory), CorrectTheOrdinal(replacement: WashingtonHeld with { Place = new string('x', 5000) }), Everything()), "replacement.place");
        Invalid(() => Decider.Decide(Given(RoundHistory), CorrectTheOrdinal(replacement: WashingtonHeld with { Dates = "13-14 May 2010" }), Everything()), "replacement.dates");
        Invalid(() => Decider.Decide(Given(RoundHistory), CorrectTheOrdinal(replacement: WashingtonHeld with { Source = new Citation("CNN") }), Everything()), "replacement.source.source_id");
        Refused(
            () => Decider.Decide(Given(RoundHistory), CorrectTheOrdinal(replacement: WashingtonHeld with { DialogueId = LegalExpertsDialogue }), Everything()),
            DomainErrorKind.FailedPrecondition,
            "replacement.dialogue_id");
    }

    [Fact]
    public void A_replacement_is_an_entry_of_the_corrected_stream()
    {
        Invalid(() => Decider.Decide(Given(RoundHistory), CorrectTheOrdinal(replacement: WashingtonHeld with { RoundId = NextRound }), Everything()), "replacement.round_id");
    }

    [Fact]
    public void A_replacement_is_decided_against_the_stream_as_it_now_stands_before_the_entry()
    {
        // The first "held" entry was retracted and the round held again: correcting the second is not holding it twice.
        var history = Given(WashingtonScheduled, WashingtonHeld with { Ordinal = "16th" }, new EntryRetracted(1, "RoundHeld", "Wrong round.", null), WashingtonHeld with { Ordinal = "16th" });

        Assert.Equal(3, OnlyEvent<EntryCorrected>(Decider.Decide(history, CorrectTheOrdinal(revision: 3), Everything())).TargetRevision);
    }

    [Fact]
    public void A_correction_refers_to_what_its_replacement_refers_to_except_the_source_it_cites()
    {
        var replacement = WashingtonHeld with { DialogueId = LegalExpertsDialogue };

        Assert.Equal(
            [Streams.Source(CnnStory), Streams.Dialogue(LegalExpertsDialogue)],
            CorrectTheOrdinal(replacement: replacement).References);
        Assert.Equal([Streams.Source(CnnStory)], (CorrectTheOrdinal() with { Replacement = null! }).References);
    }

    [Fact]
    public void A_replacement_refers_to_streams_that_exist()
    {
        var stream = Streams.Case(LiuXiaobo);
        var history = new CorrectionDecider().Given(LiuXiaoboOpened, LiuXiaoboRaisedInRound);
        var command = new CorrectEntry(stream, 1, LiuXiaoboRaisedInRound with { RoundId = NextRound }, "It was raised in Beijing.", SixteenthMeeting);

        Assert.Contains(Streams.Round(NextRound), command.References);
        Refused(() => Decider.Decide(history, command, EverythingBut(Streams.Round(NextRound))), DomainErrorKind.NotFound, "replacement.round_id");
        Assert.Single(Decider.Decide(history, command, Known([.. command.References])));
    }

    [Fact]
    public void A_replacement_may_cite_the_source_the_correction_cites()
    {
        var command = CorrectTheOrdinal(replacement: WashingtonHeld with { Source = SixteenthMeeting });

        var corrected = OnlyEvent<EntryCorrected>(Decider.Decide(Given(RoundHistory), command, Known([.. command.References])));

        Assert.Equal(SixteenthMeeting, Assert.IsType<RoundHeld>(corrected.Replacement).Source);
    }

    [Fact]
    public void A_replacement_citing_a_source_neither_its_stream_nor_the_correction_cites_is_refused()
    {
        // The handler looks up only what the correction refers to: a source new to the stream is cited on the correction too.
        var command = CorrectTheOrdinal(replacement: WashingtonHeld with { Source = SixteenthMeeting }) with { Source = null };

        var refusal = Refused(() => Decider.Decide(Given(RoundHistory), command, Known([.. command.References])), DomainErrorKind.NotFound, "replacement.source.source_id");

        Assert.Contains("cite that source on the correction", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_wrong_field_of_a_correction_is_named()
    {
        var command = CorrectTheOrdinal(replacement: WashingtonScheduled) with { Reason = " ", Source = new Citation("CNN") };

        Invalid(() => Decider.Decide(Given(RoundHistory), command, Everything()), "replacement", "reason", "source.source_id");
    }

    [Fact]
    public void Every_wrong_field_of_a_retraction_is_named()
    {
        Invalid(() => Decider.Decide(Given(RoundHistory), Retract(2, "") with { Source = new Citation("CNN", Locator: Chars(201)) }, Known()), "reason", "source.source_id", "source.locator");
    }

    [Fact]
    public void Every_wrong_field_of_a_replacement_is_named_as_a_field_of_the_replacement()
    {
        var replacement = WashingtonHeld with { Dates = "13-14 May 2010", Place = Chars(201), Ordinal = Chars(21) };

        Invalid(() => Decider.Decide(Given(RoundHistory), CorrectTheOrdinal(replacement: replacement), Everything()), "replacement.dates", "replacement.place", "replacement.ordinal");
    }

    [Fact]
    public void A_replacement_is_checked_once_the_correction_itself_is_right()
    {
        // The replacement is decided as a command against the stream and what exists, which a correction with wrong
        // fields of its own never reaches.
        var command = CorrectTheOrdinal(replacement: WashingtonHeld with { Dates = "13-14 May 2010" }) with { Reason = "" };

        Invalid(() => Decider.Decide(Given(RoundHistory), command, Everything()), "reason");
    }
}
