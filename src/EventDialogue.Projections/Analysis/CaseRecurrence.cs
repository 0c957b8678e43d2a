using EventDialogue.Projections.Views.Cases;

namespace EventDialogue.Projections.Analysis;

/// <summary>A case raised in two or more rounds with no change of status for the better, and every time it was raised.</summary>
public sealed record CaseRecurrence(string CaseId, string Name, IReadOnlyList<string> RoundIds, IReadOnlyList<RecurringRaising> Raisings, StatusReportView? Latest);

/// <summary>One raising, with the status report nearest to it in time (null when no report is known).</summary>
public sealed record RecurringRaising(RaisingView Raising, StatusReportView? NearestStatus);
