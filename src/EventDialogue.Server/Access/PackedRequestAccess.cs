using System.Security.Claims;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace EventDialogue.Server.Access;

/// <summary>
/// A call that carries requests of other RPCs (a batch of recording requests) needs, beside its own role, the role of
/// each request's own RPC: packing a request must not let it past the table (<see cref="RpcAccessTable"/>).
/// </summary>
public static class PackedRequestAccess
{
    private static readonly Dictionary<string, string> MethodByRequestType =
        EventDialogue.Api.V1.RecordingService.Descriptor.Methods
            .GroupBy(method => method.InputType.FullName, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => $"/{group.First().Service.FullName}/{group.First().Name}", StringComparer.Ordinal);

    /// <summary>Refuses the call (PERMISSION_DENIED, naming the request) when the caller lacks a role one of the packed requests needs.</summary>
    /// <remarks>A packed type that is no recording request needs nothing here: recording refuses it, naming its index.</remarks>
    public static void Require(IReadOnlyList<Any> requests, ClaimsPrincipal caller)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(caller);
        for (var i = 0; i < requests.Count; i++)
        {
            if (MethodByRequestType.TryGetValue(Any.GetTypeName(requests[i].TypeUrl), out var method)
                && RpcAccessTable.ByMethod.TryGetValue(method, out var access)
                && access.Role is { } role
                && !caller.IsInRole(role))
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, $"requests[{i}]: {method} needs the role '{role}', which the caller does not hold"));
            }
        }
    }
}
