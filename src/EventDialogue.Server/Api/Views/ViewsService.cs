using EventDialogue.Api.V1;
using EventDialogue.Server.Api.Parsing;
using EventDialogue.Server.Api.Views.Cases;
using EventDialogue.Server.Api.Views.Commitments;
using EventDialogue.Server.Api.Views.Rounds;
using EventDialogue.Server.Api.Views.Statements;
using EventDialogue.Server.Api.Views.Topics;
using Grpc.Core;
using Mediator;
using Rpc = EventDialogue.Api.V1.ViewsService;

namespace EventDialogue.Server.Api.Views;

/// <summary>
/// The view reads, and an administrator's rebuild of a view: each maps its request to a query or command, sends it
/// through the mediator and maps the answer back. Waiting for the caller's position, filters, paging and errors are the
/// handlers' and the error interceptor's.
/// </summary>
[BindServiceMethod(typeof(ViewsServiceBinding), nameof(ViewsServiceBinding.BindService))]
public sealed class ViewsService(ISender sender) : Rpc.ViewsServiceBase
{
    public override async Task<GetRoundResponse> GetRound(GetRoundRequest request, ServerCallContext context) =>
        new() { Round = (await sender.Send(request.ToQuery(context), context.CancellationToken)).ToApi() };

    public override async Task<ListRoundsResponse> ListRounds(ListRoundsRequest request, ServerCallContext context) =>
        (await sender.Send(request.ToQuery(context), context.CancellationToken)).ToResponse();

    public override async Task<GetCaseFileResponse> GetCaseFile(GetCaseFileRequest request, ServerCallContext context) =>
        new() { CaseFile = (await sender.Send(request.ToQuery(context), context.CancellationToken)).ToApi() };

    public override async Task<ListCaseFilesResponse> ListCaseFiles(ListCaseFilesRequest request, ServerCallContext context) =>
        (await sender.Send(request.ToQuery(context), context.CancellationToken)).ToResponse();

    public override async Task<GetCommitmentResponse> GetCommitment(GetCommitmentRequest request, ServerCallContext context) =>
        new() { Commitment = (await sender.Send(request.ToQuery(context), context.CancellationToken)).ToApi() };

    public override async Task<ListCommitmentsResponse> ListCommitments(ListCommitmentsRequest request, ServerCallContext context) =>
        (await sender.Send(request.ToQuery(context), context.CancellationToken)).ToResponse(request.View);

    public override async Task<GetStatementResponse> GetStatement(GetStatementRequest request, ServerCallContext context) =>
        new() { Statement = (await sender.Send(request.ToQuery(context), context.CancellationToken)).ToApi() };

    public override async Task<ListStatementsResponse> ListStatements(ListStatementsRequest request, ServerCallContext context) =>
        (await sender.Send(request.ToQuery(context), context.CancellationToken)).ToResponse();

    public override async Task<GetTopicResponse> GetTopic(GetTopicRequest request, ServerCallContext context) =>
        new() { Topic = (await sender.Send(request.ToQuery(context), context.CancellationToken)).ToApi() };

    public override async Task<ListTopicsResponse> ListTopics(ListTopicsRequest request, ServerCallContext context) =>
        (await sender.Send(request.ToQuery(context), context.CancellationToken)).ToResponse();

    public override async Task<RebuildViewResponse> RebuildView(RebuildViewRequest request, ServerCallContext context) =>
        (await sender.Send(request.ToCommand(), context.CancellationToken)).ToResponse();
}
