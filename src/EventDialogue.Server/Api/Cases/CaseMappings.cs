using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Common;
using EventDialogue.Server.Api.Common;
using DomainCaseName = EventDialogue.Domain.Cases.CaseName;

// The recording requests of cases, each with the command it records. Generated messages are partial, so they are
// declared here, in the generated namespace, beside the feature rather than in a table of every request.
namespace EventDialogue.Api.V1;

public sealed partial class OpenCaseRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new OpenCase(
            CaseId,
            Kind,
            [.. Names.Select(n => new DomainCaseName(n.Text, n.Script))],
            Description.NullIfEmpty(),
            Source.Required());
}

public sealed partial class RaiseCaseRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new RaiseCase(CaseId, RaisedBy, Channel, RoundId.NullIfEmpty(), Publicly, Date, Source.Required(), InConfidence);
}

public sealed partial class ReportCaseStatusRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new ReportCaseStatus(
            CaseId,
            Status,
            AsOf,
            Term.NullIfEmpty(),
            Charge.NullIfEmpty(),
            Detail.NullIfEmpty(),
            Certainty,
            SourceType,
            Source.Required());
}

public sealed partial class RecordCaseResponseRequest : IRecordingRequest
{
    public IDomainCommand ToCommand() =>
        new RecordCaseResponse(CaseId, From, Response, Date, Detail.NullIfEmpty(), Source.Required(), InConfidence);
}
