using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Projections.Views.Commitments;

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
    Func<string, IReadOnlyList<string>> TopicsOfRound);
