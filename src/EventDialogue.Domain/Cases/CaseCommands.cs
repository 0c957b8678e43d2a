using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Cases;

public abstract record CaseCommand(string CaseId, Citation Source) : IDomainCommand
{
    public string Stream => Streams.Case(CaseId);

    public virtual IEnumerable<string> References => [Streams.Source(Source?.SourceId ?? string.Empty)];
}

public sealed record OpenCase(string CaseId, string Kind, IReadOnlyList<CaseName> Names, string? Description, Citation Source) : CaseCommand(CaseId, Source);

public sealed record RaiseCase(string CaseId, string RaisedBy, string Channel, string? RoundId, bool Publicly, string Date, Citation Source, bool InConfidence = false) : CaseCommand(CaseId, Source)
{
    public override IEnumerable<string> References => RoundId is null ? base.References : [.. base.References, Streams.Round(RoundId)];
}

public sealed record ReportCaseStatus(string CaseId, string Status, string AsOf, string? Term, string? Charge, string? Detail, string Certainty, string SourceType, Citation Source) : CaseCommand(CaseId, Source);

public sealed record RecordCaseResponse(string CaseId, string From, string Response, string Date, string? Detail, Citation Source, bool InConfidence = false) : CaseCommand(CaseId, Source);
