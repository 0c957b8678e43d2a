using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Projections.Views.Rounds;

namespace EventDialogue.Projections.Analysis;

/// <summary>What a scorecard is asked: its grouping, its day, and its filters (null does not filter).</summary>
/// <param name="Kind">Only this kind, counted; no other kind shown.</param>
/// <param name="IncludeAllKinds">Count every kind; by default undertakings alone are counted and the others shown apart.</param>
public sealed record ScorecardQuestion(
    ScorecardGrouping By,
    DateOnly AsOf,
    string? RoundId = null,
    string? MadeBy = null,
    string? DialogueId = null,
    string? Kind = null,
    bool IncludeAllKinds = false);

/// <summary>
/// What a scorecard needs to know beyond the commitments: the review horizon that applies to each (as the tracker
/// applies it), the dialogue of a round, and the topics a round took up.
/// </summary>
public sealed record ScorecardContext(
    Func<CommitmentView, RecordCoverage> Coverage,
    Func<string, string?> DialogueOfRound,
    Func<string, IReadOnlyList<string>> TopicsOfRound)
{
    /// <summary>
    /// The context from the views: the commitment tracker's rounds' dialogues and dialogues' review horizons (the
    /// horizon applied as the tracker applies it, <see cref="AppliedCoverage.For"/>), and the rounds' topics.
    /// </summary>
    public static ScorecardContext From(IEnumerable<RoundDialogueView> roundDialogues, IEnumerable<DialogueReviewView> reviews, IEnumerable<RoundView> rounds)
    {
        var dialogues = roundDialogues.ToDictionary(r => r.RoundId, r => r.DialogueId, StringComparer.Ordinal);
        var horizons = reviews.ToDictionary(r => r.DialogueId, r => r.Review, StringComparer.Ordinal);
        var topics = rounds.ToDictionary(r => r.RoundId, RoundTopics.Of, StringComparer.Ordinal);
        return new ScorecardContext(
            view => AppliedCoverage.For(view, dialogues.GetValueOrDefault, horizons.GetValueOrDefault).Coverage,
            dialogues.GetValueOrDefault,
            round => topics.GetValueOrDefault(round) ?? []);
    }
}

/// <summary>The topics a round took up: those of its sessions and site visits, each once, in the order first met.</summary>
public static class RoundTopics
{
    public static IReadOnlyList<string> Of(RoundView round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return [.. round.Sessions.SelectMany(s => s.Topics).Concat(round.SiteVisits.SelectMany(v => v.Topics)).Distinct(StringComparer.Ordinal)];
    }
}
