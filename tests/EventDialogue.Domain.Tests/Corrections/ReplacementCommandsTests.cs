using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Rounds;
using EventDialogue.Domain.Tests.Deciders;
using static EventDialogue.Domain.Tests.Washington2010;

namespace EventDialogue.Domain.Tests.Corrections;

/// <summary>
/// A replacement is decided as the command that would have recorded it; that command must carry every field of the
/// event, or a correction would silently change what it does not mean to.
/// </summary>
public sealed class ReplacementCommandsTests
{
    /// <summary>For each entry of the examples: its stream, and the history before it that its decision needs.</summary>
    private static readonly Dictionary<string, (string Stream, IDomainEvent[] Before)> Scenarios = new(StringComparer.Ordinal)
    {
        ["DialogueEstablished"] = (Streams.Dialogue(LegalExpertsDialogue), []),
        ["SourceRegistered"] = (Streams.Source(Briefing), []),
        ["RoundScheduled"] = (Streams.Round(Round), []),
        ["RoundHeld"] = (Streams.Round(Round), [WashingtonScheduled]),
        ["DelegationMemberNamed"] = (Streams.Round(Round), [WashingtonHeld]),
        ["SessionHeld"] = (Streams.Round(Round), [WashingtonHeld]),
        ["SiteVisited"] = (Streams.Round(Round), [WashingtonHeld]),
        ["OutcomeCharacterised"] = (Streams.Round(Round), [WashingtonHeld]),
        ["RoundConcluded"] = (Streams.Round(Round), [WashingtonHeld]),
        ["StatementRecorded"] = (Streams.Statement(BenchmarkStatement), []),
        ["CaseOpened"] = (Streams.Case(LiuXiaobo), []),
        ["CaseRaised"] = (Streams.Case(LiuXiaobo), [LiuXiaoboOpened]),
        ["CaseStatusReported"] = (Streams.Case(GaoZhisheng), [LiuXiaoboOpened with { CaseId = GaoZhisheng }]),
        ["CaseResponseReceived"] = (Streams.Case(LiuXiaobo), [LiuXiaoboOpened, LiuXiaoboRaisedInRound]),
        ["CommitmentMade"] = (Streams.Commitment(LegalExpertsCommitment), []),
        ["CommitmentReaffirmed"] = (Streams.Commitment(LegalExpertsCommitment), [LegalExpertsPromised]),
        ["CommitmentRescheduled"] = (Streams.Commitment(NextRoundCommitment), [NextRoundPromised]),
        ["CommitmentProgressReported"] = (Streams.Commitment(NextRoundCommitment), [NextRoundPromised]),
        ["CommitmentFulfilled"] = (Streams.Commitment(NextRoundCommitment), [NextRoundPromised]),
        ["CommitmentDeclaredBroken"] = (Streams.Commitment(LegalExpertsCommitment), [LegalExpertsPromised]),
        ["CommitmentWithdrawn"] = (Streams.Commitment(LegalExpertsCommitment), [LegalExpertsPromised]),
        ["CommitmentSourcesReviewed"] = (Streams.Commitment(LegalExpertsCommitment), [LegalExpertsPromised]),
        ["CommitmentRated"] = (Streams.Commitment(LegalExpertsCommitment), [LegalExpertsPromised]),
        ["DialogueSourcesReviewed"] = (Streams.Dialogue(HumanRightsDialogue), [LegalExpertsDialogueEstablished with { DialogueId = HumanRightsDialogue, ParentDialogueId = null }]),
    };

    public static TheoryData<string> Entries => [.. Scenarios.Keys];

    [Fact]
    public void Every_event_type_but_the_amendments_is_an_entry_some_command_records()
    {
        Assert.Equal(
            EventTypes.All.Keys.Except(["EntryCorrected", "EntryRetracted"], StringComparer.Ordinal).Order(StringComparer.Ordinal),
            Scenarios.Keys.Order(StringComparer.Ordinal));
        Assert.Null(ReplacementCommands.For(OrdinalCorrected, Round));
        Assert.Null(ReplacementCommands.For(MemberRetracted, Round));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void The_command_for_an_entry_records_it_again_field_for_field_in_its_stream(string type)
    {
        var entry = EveryEventType[type];
        var (stream, before) = Scenarios[type];
        var decider = AggregateDeciders.ForCategory(Streams.CategoryOf(stream))!;

        var command = ReplacementCommands.For(entry, Streams.IdOf(stream))!;
        var decided = decider.Decide(EntityFact.Of(before), command, Spec.Everything());

        Assert.Equal(stream, command.Stream);
        Spec.SameEvent(entry, Assert.Single(decided));
    }

    [Fact]
    public void The_command_cites_the_entrys_source()
    {
        Assert.Equal(WeMet, ReplacementCommands.CitationOf(ReplacementCommands.For(WashingtonHeld, Round)!));
        Assert.Equal(LiuXiaoboRaised, ReplacementCommands.CitationOf(ReplacementCommands.For(LiuXiaoboRaisedInRound, LiuXiaobo)!));
        Assert.Null(ReplacementCommands.CitationOf(ReplacementCommands.For(BriefingRegistered, Briefing)!));
        Assert.Null(ReplacementCommands.CitationOf(ReplacementCommands.For(HumanRightsDialogueEstablished, HumanRightsDialogue)!));
    }

    [Fact]
    public void Only_the_aggregates_streams_have_a_decider()
    {
        Assert.IsType<RoundDecider>(AggregateDeciders.ForCategory("round"));
        Assert.IsType<CaseDecider>(AggregateDeciders.ForCategory("case"));
        Assert.IsType<CommitmentDecider>(AggregateDeciders.ForCategory("commitment"));
        Assert.Null(AggregateDeciders.ForCategory("correction"));
        Assert.Null(AggregateDeciders.ForCategory("Round"));
    }
}
