using EventDialogue.Api.V1;
using EventDialogue.Server.Api.Parsing;
using Grpc.Core;
using Mediator;
using Rpc = EventDialogue.Api.V1.AuditService;

namespace EventDialogue.Server.Api.Audit;

/// <summary>Checkpoints and proofs of the log for auditors: each RPC maps its request to a query and the answer back.</summary>
[BindServiceMethod(typeof(AuditServiceBinding), nameof(AuditServiceBinding.BindService))]
public sealed class AuditService(ISender sender) : Rpc.AuditServiceBase
{
    public override async Task<GetCheckpointResponse> GetCheckpoint(GetCheckpointRequest request, ServerCallContext context) =>
        (await sender.Send(request.ToQuery(), context.CancellationToken)).ToResponse();

    public override async Task<GetInclusionProofResponse> GetInclusionProof(GetInclusionProofRequest request, ServerCallContext context) =>
        (await sender.Send(request.ToQuery(), context.CancellationToken)).ToResponse();

    public override async Task<CheckLogResponse> CheckLog(CheckLogRequest request, ServerCallContext context) =>
        (await sender.Send(request.ToQuery(), context.CancellationToken)).ToResponse();

    public override async Task<GetConsistencyProofResponse> GetConsistencyProof(GetConsistencyProofRequest request, ServerCallContext context) =>
        (await sender.Send(request.ToQuery(), context.CancellationToken)).ToResponse();
}
