using EventDialogue.Domain.Common;

namespace EventDialogue.Projections.Views.Commitments;

/// <summary>A commitment's facts as recorded; its status is derived from them on read, for the date asked.</summary>
public sealed record CommitmentView(
    string CommitmentId,
    IReadOnlyList<string> MadeBy,
    string Words,
    string Action,
    string MadeOn,
    string Due,
    string DueRule,
    string? RoundId,
    IReadOnlyList<ReaffirmationView> Reaffirmations,
    IReadOnlyList<RescheduleView> Reschedules,
    IReadOnlyList<ProgressView> Progress,
    FulfilmentView? Fulfilled,
    EndingView? Broken,
    EndingView? Withdrawn,
    IReadOnlyList<Citation> Sources);

public sealed record ReaffirmationView(IReadOnlyList<string> By, string On, string? Words);

public sealed record RescheduleView(string Due, string DueRule, string On);

public sealed record ProgressView(string On, string Detail);

public sealed record FulfilmentView(string On, string Evidence, string? EvidenceStream, Citation Source);

public sealed record EndingView(string On, string By, string Reason);
