using Grpc.Core;

namespace EventDialogue.Server.Api.Parsing;

/// <summary>A client's stream of requests that refuses, as the service reads it, a message whose bytes did not parse.</summary>
public sealed class ParsedRequests<TRequest>(IAsyncStreamReader<TRequest> inner) : IAsyncStreamReader<TRequest>
{
    public TRequest Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!await inner.MoveNext(cancellationToken))
        {
            return false;
        }

        UnparsableRequests.ThrowIfUnparsable(inner.Current);
        return true;
    }
}
