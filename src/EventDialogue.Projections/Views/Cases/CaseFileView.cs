using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Common;

namespace EventDialogue.Projections.Views.Cases;

/// <summary>A person or group of concern: names, the status reports over time, every time the case was raised, and the answers.</summary>
/// <param name="CurrentStatus">The latest report by the first day its date can mean, preferring confirmed over believed over unconfirmed on the same day.</param>
public sealed record CaseFileView(
    string CaseId,
    string Kind,
    IReadOnlyList<CaseName> Names,
    string? Description,
    StatusReportView? CurrentStatus,
    IReadOnlyList<StatusReportView> StatusTimeline,
    IReadOnlyList<RaisingView> Raised,
    IReadOnlyList<ResponseView> Responses,
    IReadOnlyList<Citation> Sources);

public sealed record StatusReportView(string Status, string AsOf, string? Term, string? Charge, string? Detail, string Certainty, string SourceType, Citation Source);

public sealed record RaisingView(string RaisedBy, string Channel, string? RoundId, bool Publicly, string Date, Citation Source);

public sealed record ResponseView(string From, string Response, string Date, string? Detail, Citation Source);
