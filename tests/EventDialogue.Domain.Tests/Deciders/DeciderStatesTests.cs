using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Dialogues;
using EventDialogue.Domain.Rounds;
using EventDialogue.Domain.Sources;
using EventDialogue.Domain.Statements;
using static EventDialogue.Domain.Tests.Washington2010;

namespace EventDialogue.Domain.Tests.Deciders;

/// <summary>The case a history folds to: each decider's state is one of a closed set, holding only what that case knows.</summary>
public sealed class DeciderStatesTests
{
    private static readonly CommitmentDecider Commitments = new();

    private static readonly RoundDecider Rounds = new();

    private static readonly CaseDecider Cases = new();

    [Fact]
    public void A_commitment_with_no_history_is_not_made()
    {
        Assert.IsType<CommitmentState.NotMade>(Commitments.Given());
    }

    [Fact]
    public void A_commitment_made_and_declared_broken_is_still_open_with_the_day_it_was_made()
    {
        var state = Commitments.Given(LegalExpertsPromised, LegalExpertsDeclaredBroken);

        Assert.Equal(new CommitmentState.Open(LegalExpertsPromised.MadeOn), state);
    }

    [Fact]
    public void A_commitment_fulfilled_is_fulfilled_and_once_withdrawn_is_withdrawn()
    {
        Assert.Equal(new CommitmentState.Fulfilled(NextRoundPromised.MadeOn), Commitments.Given(NextRoundPromised, NextRoundHeld));
        Assert.Equal(new CommitmentState.Withdrawn(NextRoundPromised.MadeOn), Commitments.Given(NextRoundPromised, NextRoundHeld, LegalExpertsWithdrawn));
    }

    [Fact]
    public void A_round_scheduled_then_held_then_concluded_keeps_its_dialogue_and_its_named_leaders()
    {
        Assert.Equal(HumanRightsDialogue, Assert.IsType<RoundState.Scheduled>(Rounds.Given(WashingtonScheduled)).DialogueId);

        var held = Assert.IsType<RoundState.Held>(Rounds.Given(WashingtonScheduled, ChenXuNamed, WashingtonHeld));
        Assert.Equal(["cn"], held.Leaders);

        var concluded = Assert.IsType<RoundState.Concluded>(Rounds.Given(WashingtonScheduled, ChenXuNamed, WashingtonHeld, WashingtonConcluded));
        Assert.Equal(HumanRightsDialogue, concluded.DialogueId);
        Assert.Equal(["cn"], concluded.Leaders);
    }

    [Fact]
    public void A_round_recorded_held_without_a_schedule_is_held()
    {
        Assert.IsType<RoundState.Held>(Rounds.Given(WashingtonHeld));
    }

    [Fact]
    public void A_case_is_not_opened_until_opened_and_then_counts_its_raisings()
    {
        Assert.IsType<CaseState.NotOpened>(Cases.Given());
        Assert.Equal(new CaseState.Open(0), Cases.Given(LiuXiaoboOpened));
        Assert.Equal(new CaseState.Open(2), Cases.Given(LiuXiaoboOpened, LiuXiaoboRaisedInRound, LiuXiaoboRaisedInRound));
    }

    [Fact]
    public void A_case_whose_opening_was_retracted_is_not_opened_and_its_raisings_count_for_nothing()
    {
        var openingRetracted = new EntryRetracted(0, "CaseOpened", "Opened under the wrong id.", null);

        Assert.IsType<CaseState.NotOpened>(Cases.Given(LiuXiaoboOpened, LiuXiaoboRaisedInRound, openingRetracted));
    }

    [Fact]
    public void Dialogues_sources_and_statements_exist_once_their_first_fact_is_recorded()
    {
        Assert.IsType<DialogueState.NotEstablished>(new DialogueDecider().Given());
        Assert.IsType<DialogueState.Established>(new DialogueDecider().Given(HumanRightsDialogueEstablished));
        Assert.IsType<SourceState.NotRegistered>(new SourceDecider().Given());
        Assert.IsType<SourceState.Registered>(new SourceDecider().Given(BriefingRegistered));
        Assert.IsType<StatementState.NotRecorded>(new StatementDecider().Given());
        Assert.IsType<StatementState.Recorded>(new StatementDecider().Given(BenchmarkRecorded));
    }
}
