using EventDialogue.Api.V1;
using EventDialogue.Projections.Views.Cases;
using EventDialogue.Server.Api.Views.Common;
using Grpc.Core;

namespace EventDialogue.Server.Api.Views.Cases;

public static class CaseFileViewMappings
{
    public static GetCaseFileQuery ToQuery(this GetCaseFileRequest request, ServerCallContext context) =>
        new(request.CaseId, Freshness.Of(request.MinPosition, context));

    public static ListCaseFilesQuery ToQuery(this ListCaseFilesRequest request, ServerCallContext context) =>
        new(request.Status, request.RoundId, request.RaisedBy, request.Kind, request.Query, request.PageSize, request.PageToken, Freshness.Of(request.MinPosition, context));

    public static ListCaseFilesResponse ToResponse(this Listed<CaseFileRead> listed) => new()
    {
        CaseFiles = { listed.Items.Select(ToApi) },
        NextPageToken = listed.NextPageToken,
    };

    public static CaseFile ToApi(this CaseFileRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var view = read.CaseFile;
        return new CaseFile
        {
            CaseId = view.CaseId,
            Kind = view.Kind,
            Names = { view.Names.Select(n => new CaseName { Text = n.Text, Script = n.Script }) },
            Description = view.Description.OrEmpty(),
            CurrentStatus = view.CurrentStatus is { } current ? ToApi(current) : null,
            StatusTimeline = { view.StatusTimeline.Select(ToApi) },
            Raised = { view.Raised.Select(r => new CaseRaising { RaisedBy = r.RaisedBy, Channel = r.Channel, RoundId = r.RoundId.OrEmpty(), Publicly = r.Publicly, Date = r.Date, Source = r.Source.ToApi() }) },
            Responses = { view.Responses.Select(r => new CaseAnswer { From = r.From, Response = r.Response, Date = r.Date, Detail = r.Detail.OrEmpty(), Source = r.Source.ToApi() }) },
            Sources = { view.Sources.ToApi() },
            Match = read.Match.ToApi(),
        };
    }

    private static CaseStatusReport ToApi(StatusReportView report) => new()
    {
        Status = report.Status,
        AsOf = report.AsOf,
        Term = report.Term.OrEmpty(),
        Charge = report.Charge.OrEmpty(),
        Detail = report.Detail.OrEmpty(),
        Certainty = report.Certainty,
        SourceType = report.SourceType,
        Source = report.Source.ToApi(),
    };
}
