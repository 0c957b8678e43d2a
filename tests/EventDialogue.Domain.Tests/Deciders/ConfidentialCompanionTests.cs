using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using static EventDialogue.Domain.Tests.Deciders.Spec;
using static EventDialogue.Domain.Tests.Washington2010;

namespace EventDialogue.Domain.Tests.Deciders;

/// <summary>
/// A case's facts in confidence are kept in its companion stream (<c>case-liu-xiaobo~confidential</c>), its public ones
/// in its own: decisions see both, in the order recorded, and each stream's revisions count on their own.
/// </summary>
public sealed class ConfidentialCompanionTests
{
    private static readonly CaseDecider Cases = new();

    private static readonly CorrectionDecider Corrections = new();

    private static readonly string CaseStream = Streams.Case(LiuXiaobo);

    private static readonly string Companion = Streams.ConfidentialCompanion(CaseStream);

    private static readonly CaseRaised RaisedInConfidence = LiuXiaoboRaisedInRound with { Publicly = false, InConfidence = true };

    private static readonly CaseResponseReceived AnsweredInConfidence = LiuXiaoboResponse with { InConfidence = true };

    private static EntityFact Own(IDomainEvent fact) => new(false, fact);

    private static EntityFact InCompanion(IDomainEvent fact) => new(true, fact);

    private static RecordCaseResponse NoResponse(bool inConfidence = false) =>
        new(LiuXiaobo, "cn", "no-response", "2010-05-14", LiuXiaoboResponse.Detail, LiuXiaoboResponse.Source, inConfidence);

    [Fact]
    public void The_companion_of_a_case_stream_is_a_case_stream_of_the_same_case_that_no_case_id_can_name()
    {
        Assert.Equal("case-liu-xiaobo~confidential", Companion);
        Assert.Equal(Streams.CaseCategory, Streams.CategoryOf(Companion));
        Assert.Equal(LiuXiaobo, Streams.IdOf(Companion));
        Assert.Equal(CaseStream, Streams.HomeOf(Companion));
        Assert.Equal(CaseStream, Streams.HomeOf(CaseStream));
        Assert.Throws<DomainException>(() => EntityId.Require("liu-xiaobo~confidential", "case_id"));
    }

    [Fact]
    public void Given_a_case_raised_only_in_confidence_when_a_response_is_recorded_then_it_is_decided_on_that_raising()
    {
        var state = Cases.FoldEntity([Own(LiuXiaoboOpened), InCompanion(RaisedInConfidence)]);

        Assert.Single(Cases.Decide(state, NoResponse(), Everything()));
        Assert.Single(Cases.Decide(state, NoResponse(inConfidence: true), Everything()));
    }

    [Fact]
    public void Given_a_raising_in_confidence_retracted_in_the_companion_when_a_response_is_recorded_then_the_case_has_not_been_raised()
    {
        var state = Cases.FoldEntity([Own(LiuXiaoboOpened), InCompanion(RaisedInConfidence), InCompanion(new EntryRetracted(0, "CaseRaised", "Never raised.", null))]);

        Refused(() => Cases.Decide(state, NoResponse(), Everything()), DomainErrorKind.FailedPrecondition, "case_id");
    }

    [Fact]
    public void A_retraction_in_one_stream_targets_that_streams_revision_not_the_other_streams()
    {
        // Revision 1 of the case's own stream is its public raising; revision 0 of the companion is the raising in
        // confidence. Retracting the companion's revision 0 must leave the opening (own revision 0) alone.
        var state = Cases.FoldEntity([
            Own(LiuXiaoboOpened), InCompanion(RaisedInConfidence), Own(LiuXiaoboRaisedInRound), InCompanion(new EntryRetracted(0, "CaseRaised", "Never raised.", null))]);

        Assert.Equal(new CaseState.Open(1), state);
    }

    [Fact]
    public void Given_a_response_in_confidence_when_it_is_corrected_in_the_companion_then_it_is_decided_on_the_raisings_recorded_before_it_in_either_stream()
    {
        var state = Corrections.FoldEntity([Own(LiuXiaoboOpened), InCompanion(RaisedInConfidence), InCompanion(AnsweredInConfidence)]);
        var corrected = AnsweredInConfidence with { Response = "denial" };

        var decided = OnlyEvent<EntryCorrected>(Corrections.Decide(state, new CorrectEntry(Companion, 1, corrected, "It was a denial.", null), Everything()));

        Assert.Equal(1, decided.TargetRevision);
        SameEvent(corrected, decided.Replacement);
    }

    [Fact]
    public void Given_a_case_with_no_companion_when_a_companion_entry_is_corrected_then_it_is_not_found()
    {
        var state = Corrections.FoldEntity([Own(LiuXiaoboOpened), Own(LiuXiaoboRaisedInRound)]);

        Refused(() => Corrections.Decide(state, new RetractEntry(Companion, 0, "Never raised.", null), Everything()), DomainErrorKind.NotFound, null);
    }

    [Fact]
    public void A_correction_cannot_make_an_entry_in_confidence_public()
    {
        var state = Corrections.FoldEntity([Own(LiuXiaoboOpened), InCompanion(RaisedInConfidence)]);

        var refusal = Invalid(
            () => Corrections.Decide(state, new CorrectEntry(Companion, 0, RaisedInConfidence with { InConfidence = false }, "It was told of.", null), Everything()),
            "replacement.in_confidence");
        Assert.Contains("retract it, and record it again", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_cannot_put_a_public_entry_in_confidence()
    {
        var state = Corrections.FoldEntity([Own(LiuXiaoboOpened), Own(LiuXiaoboRaisedInRound with { Publicly = false })]);

        Invalid(
            () => Corrections.Decide(state, new CorrectEntry(CaseStream, 1, LiuXiaoboRaisedInRound with { Publicly = false, InConfidence = true }, "It was in confidence.", null), Everything()),
            "replacement.in_confidence");
    }
}
