using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authorization;

namespace EventDialogue.Server.Access;

public static class RpcAccessConventions
{
    /// <summary>
    /// Gives every endpoint of a mapped gRPC service (its HTTP/2 method and its JSON routes alike) the policy
    /// <see cref="RpcAccessTable"/> names for the method; a method the table does not name stops the start.
    /// </summary>
    public static TBuilder WithRpcAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<GrpcMethodMetadata>().LastOrDefault() is not { } grpc)
            {
                return;
            }

            var method = grpc.Method.FullName;
            if (!RpcAccessTable.ByMethod.TryGetValue(method, out var access))
            {
                throw new InvalidOperationException($"{method} has no entry in {nameof(RpcAccessTable)}: say there who may call it (and add it to README's role matrix).");
            }

            endpoint.Metadata.Add(access.PolicyName is { } policy ? new AuthorizeAttribute(policy) : new AllowAnonymousAttribute());
        });
        return builder;
    }
}
