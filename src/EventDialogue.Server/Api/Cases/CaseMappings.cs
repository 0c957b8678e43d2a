using EventDialogue.Api.V1;
using EventDialogue.Domain.Cases;
using EventDialogue.Server.Api.Common;
using DomainCaseName = EventDialogue.Domain.Cases.CaseName;

namespace EventDialogue.Server.Api.Cases;

internal static class CaseMappings
{
    public static OpenCase ToCommand(this OpenCaseRequest r) => new(
        r.CaseId,
        r.Kind,
        [.. r.Names.Select(n => new DomainCaseName(n.Text, n.Script))],
        r.Description.NullIfEmpty(),
        r.Source.Required());

    public static RaiseCase ToCommand(this RaiseCaseRequest r) =>
        new(r.CaseId, r.RaisedBy, r.Channel, r.RoundId.NullIfEmpty(), r.Publicly, r.Date, r.Source.Required(), r.InConfidence);

    public static ReportCaseStatus ToCommand(this ReportCaseStatusRequest r) => new(
        r.CaseId,
        r.Status,
        r.AsOf,
        r.Term.NullIfEmpty(),
        r.Charge.NullIfEmpty(),
        r.Detail.NullIfEmpty(),
        r.Certainty,
        r.SourceType,
        r.Source.Required());

    public static RecordCaseResponse ToCommand(this RecordCaseResponseRequest r) =>
        new(r.CaseId, r.From, r.Response, r.Date, r.Detail.NullIfEmpty(), r.Source.Required(), r.InConfidence);
}
