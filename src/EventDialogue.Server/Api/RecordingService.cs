using EventDialogue.Api.V1;
using EventDialogue.Server.Access;
using EventDialogue.Server.Api.Common;
using EventDialogue.Server.Api.Parsing;
using EventDialogue.Server.Recording.Batching;
using EventDialogue.Server.Recording.Checking;
using Grpc.Core;
using Mediator;
using Rpc = EventDialogue.Api.V1.RecordingService;

namespace EventDialogue.Server.Api;

/// <summary>
/// The recording RPCs. Every RPC whose request is an <see cref="IRecordingRequest"/> takes one path, <see cref="Record"/>:
/// the request's command, recorded through the mediator, answered with where the events went. Their methods are
/// generated (<see cref="RecordsEveryRecordingRequestAttribute"/>); only the others are written here. Validation and
/// errors are the domain's and the error interceptor's, not this class's.
/// </summary>
[BindServiceMethod(typeof(RecordingServiceBinding), nameof(RecordingServiceBinding.BindService))]
[RecordsEveryRecordingRequest]
public sealed partial class RecordingService(ISender sender) : Rpc.RecordingServiceBase
{
    public override async Task<CheckRequestsResponse> CheckRequests(CheckRequestsRequest request, ServerCallContext context)
    {
        var commands = RecordingRequests.ToRecordCommands(request.Requests, CallerPrincipal.Name(context));
        var result = await sender.Send(new CheckRecordCommands(commands), context.CancellationToken);
        return new CheckRequestsResponse { NewCount = result.NewCount, ReplayedCount = result.ReplayedCount };
    }

    public override async Task<RecordRequestsResponse> RecordRequests(RecordRequestsRequest request, ServerCallContext context)
    {
        var recordedBy = CallerPrincipal.Name(context);
        PackedRequestAccess.Require(request.Requests, context.GetHttpContext().User);
        var outcomes = await sender.Send(new RecordCommandBatch(RecordingBatches.ToItems(request.Requests, recordedBy), request.AllOrNothing), context.CancellationToken);
        return new RecordRequestsResponse { Outcomes = { outcomes.Select(RecordingBatches.ToOutcome) } };
    }

    /// <summary>The one path of every recording RPC; <paramref name="respond"/> puts the result in the RPC's response.</summary>
    private async Task<TResponse> Record<TRequest, TResponse>(TRequest request, ServerCallContext context, Func<WriteResult, TResponse> respond)
        where TRequest : Google.Protobuf.IMessage, IRecordingRequest
    {
        var recorded = await sender.Send(RecordingRequests.ToRecordCommand(request, CallerPrincipal.Name(context)), context.CancellationToken);
        return respond(recorded.ToWriteResult());
    }
}
