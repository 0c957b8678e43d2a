using EventDialogue.Api.V1;
using EventDialogue.EventStore.Access;
using EventDialogue.Server.Access;
using EventDialogue.Server.Access.Keys;
using EventDialogue.Server.Api.Parsing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mediator;
using Rpc = EventDialogue.Api.V1.KeysService;

namespace EventDialogue.Server.Api.Keys;

/// <summary>API keys for admins: each RPC maps its request to a command or query and the answer back.</summary>
[BindServiceMethod(typeof(KeysServiceBinding), nameof(KeysServiceBinding.BindService))]
public sealed class KeysService(ISender sender) : Rpc.KeysServiceBase
{
    public override async Task<CreateKeyResponse> CreateKey(CreateKeyRequest request, ServerCallContext context)
    {
        var created = await sender.Send(new CreateKeyCommand(request.Name, [.. request.Roles], CallerPrincipal.Name(context), [.. request.Cleared]), context.CancellationToken);
        return new CreateKeyResponse { Key = created.Secret, ApiKey = ToMessage(created.Stored) };
    }

    public override async Task<ListKeysResponse> ListKeys(ListKeysRequest request, ServerCallContext context) =>
        new() { Keys = { (await sender.Send(new ListKeysQuery(), context.CancellationToken)).Select(ToMessage) } };

    public override async Task<RevokeKeyResponse> RevokeKey(RevokeKeyRequest request, ServerCallContext context) =>
        new() { ApiKey = ToMessage(await sender.Send(new RevokeKeyCommand(request.Name), context.CancellationToken)) };

    private static ApiKey ToMessage(StoredApiKey key) => new()
    {
        Name = key.Name,
        Roles = { key.Roles },
        Cleared = { key.Clearances },
        CreatedAt = Timestamp.FromDateTimeOffset(key.CreatedAt),
        CreatedBy = key.CreatedBy,
        RevokedAt = key.RevokedAt is { } revoked ? Timestamp.FromDateTimeOffset(revoked) : null,
    };
}
