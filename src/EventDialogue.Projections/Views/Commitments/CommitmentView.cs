using EventDialogue.Domain.Common;

namespace EventDialogue.Projections.Views.Commitments;

/// <summary>
/// A commitment's facts as recorded, each with its source; its status is assessed from them on read, for the date
/// asked. <see cref="Reviewed"/> is its own review horizon, if one was recorded; <see cref="Ratings"/> are analysts'
/// ratings in the order given, the latest last.
/// </summary>
public sealed record CommitmentView(
    string CommitmentId,
    IReadOnlyList<string> MadeBy,
    string Words,
    string Action,
    string MadeOn,
    string Due,
    string DueRule,
    string? RoundId,
    string Kind,
    Citation MadeSource,
    IReadOnlyList<ReaffirmationView> Reaffirmations,
    IReadOnlyList<RescheduleView> Reschedules,
    IReadOnlyList<ProgressView> Progress,
    FulfilmentView? Fulfilled,
    EndingView? Broken,
    EndingView? Withdrawn,
    ReviewView? Reviewed,
    IReadOnlyList<RatingView> Ratings,
    IReadOnlyList<Citation> Sources);

public sealed record ReaffirmationView(IReadOnlyList<string> By, string On, string? Words);

public sealed record RescheduleView(string Due, string DueRule, string On, Citation Source);

public sealed record ProgressView(string On, string Detail);

public sealed record FulfilmentView(string On, string Evidence, string? EvidenceStream, Citation Source);

public sealed record EndingView(string On, string By, string Reason, Citation Source);

/// <summary>How far the sources were reviewed (for a commitment or a dialogue), and the last source reviewed.</summary>
public sealed record ReviewView(string ReviewedUpTo, string Detail, Citation Source);

public sealed record RatingView(string Rating, string Rationale, string RatedBy, string RatedOn, Citation Source);

/// <summary>The dialogue a round belongs to: how a commitment made in a round finds its dialogue's review horizon.</summary>
public sealed record RoundDialogueView(string RoundId, string DialogueId);

/// <summary>A dialogue's latest review horizon.</summary>
public sealed record DialogueReviewView(string DialogueId, ReviewView Review);
