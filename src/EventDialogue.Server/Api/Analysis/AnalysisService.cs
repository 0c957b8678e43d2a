using EventDialogue.Api.V1;
using EventDialogue.Server.Api.Parsing;
using Grpc.Core;
using Mediator;
using Rpc = EventDialogue.Api.V1.AnalysisService;

namespace EventDialogue.Server.Api.Analysis;

/// <summary>
/// The analyses: each maps its request to a query, sends it through the mediator and maps the answer back. The
/// queries are the ones the web page sends too; the computations are pure functions over the views.
/// </summary>
[BindServiceMethod(typeof(AnalysisServiceBinding), nameof(AnalysisServiceBinding.BindService))]
public sealed class AnalysisService(ISender sender) : Rpc.AnalysisServiceBase
{
    public override async Task<GetScorecardResponse> GetScorecard(GetScorecardRequest request, ServerCallContext context) =>
        (await sender.Send(request.ToQuery(context), context.CancellationToken)).ToResponse();

    public override async Task<ListCaseRecurrencesResponse> ListCaseRecurrences(ListCaseRecurrencesRequest request, ServerCallContext context) =>
        (await sender.Send(request.ToQuery(context), context.CancellationToken)).ToResponse();

    public override async Task<CompareRoundsResponse> CompareRounds(CompareRoundsRequest request, ServerCallContext context) =>
        (await sender.Send(request.ToQuery(context), context.CancellationToken)).ToResponse();

    public override async Task<GetTimelineResponse> GetTimeline(GetTimelineRequest request, ServerCallContext context) =>
        (await sender.Send(request.ToQuery(context), context.CancellationToken)).ToResponse();
}
