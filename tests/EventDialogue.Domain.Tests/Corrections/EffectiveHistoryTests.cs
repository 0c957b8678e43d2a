using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Rounds;
using static EventDialogue.Domain.Tests.Washington2010;

namespace EventDialogue.Domain.Tests.Corrections;

public sealed class EffectiveHistoryTests
{
    private static readonly RoundHeld Called16th = WashingtonHeld with { Ordinal = "16th" };

    [Fact]
    public void A_history_without_amendments_is_its_own_effective_history()
    {
        IDomainEvent[] history = [WashingtonScheduled, WashingtonHeld, ChenXuNamed];

        Assert.Equal(history, EffectiveHistory.Of(history));
        Assert.Equal([0L, 1L, 2L], EffectiveHistory.Entries(history).Select(e => e.Revision));
    }

    [Fact]
    public void A_retracted_entry_and_the_retraction_are_left_out_and_the_others_keep_their_revisions()
    {
        var entries = EffectiveHistory.Entries([WashingtonScheduled, WashingtonHeld, ChenXuNamed, MemberRetracted, FirstDaySession]);

        Assert.Equal([new(0, WashingtonScheduled), new(1, WashingtonHeld), new EffectiveEntry(4, FirstDaySession)], entries);
    }

    [Fact]
    public void A_corrected_entry_reads_as_its_replacement_where_it_stood()
    {
        var effective = EffectiveHistory.Of([WashingtonScheduled, Called16th, ChenXuNamed, FirstDaySession, OrdinalCorrected, WashingtonConcluded]);

        Assert.Equal([WashingtonScheduled, WashingtonHeld, ChenXuNamed, FirstDaySession, WashingtonConcluded], effective);
    }

    [Fact]
    public void The_latest_correction_of_an_entry_wins()
    {
        var inDc = WashingtonHeld with { Place = "Washington, D.C." };
        var effective = EffectiveHistory.Of([WashingtonScheduled, Called16th, OrdinalCorrected, OrdinalCorrected with { Replacement = inDc }]);

        Assert.Equal([WashingtonScheduled, inDc], effective);
    }

    [Fact]
    public void A_retraction_wins_over_a_correction_of_the_same_entry()
    {
        var effective = EffectiveHistory.Of([WashingtonScheduled, Called16th, OrdinalCorrected, new EntryRetracted(1, "RoundHeld", "Never held.", null)]);

        Assert.Equal([WashingtonScheduled], effective);
    }

    [Fact]
    public void An_amendment_only_applies_to_an_entry_before_it()
    {
        // Stored histories never hold such amendments; if one did, it would change nothing.
        var effective = EffectiveHistory.Of([new EntryRetracted(1, "RoundHeld", "Too early.", null), WashingtonHeld]);

        Assert.Equal([WashingtonHeld], effective);
    }
}
