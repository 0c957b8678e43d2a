using EventDialogue.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace EventDialogue.Benchmarks.Server;

/// <summary>
/// The auditor's calls on a log of <c>size</c> leaves whose positions are 1 to size: proofs of leaves and of older
/// sizes spread over the whole tree (a fixed stride, coprime with the size in practice, so that the i-th call does not
/// hit the rows the one before read), and checkpoints.
/// </summary>
internal sealed class AuditCalls(GrpcChannel channel, long size)
{
    // A large prime: i * Stride mod size walks the whole log, far from the previous call's leaf.
    private const long Stride = 1_000_003;

    private readonly AuditService.AuditServiceClient _audit = new(channel);

    public IReadOnlyList<TimedCall> Proofs =>
    [
        new("GetCheckpoint, latest", async (_, token) =>
            (await _audit.GetCheckpointAsync(new GetCheckpointRequest(), cancellationToken: token).ResponseAsync).CalculateSize()),
        new("GetCheckpoint at the log's size", async (_, token) =>
            (await _audit.GetCheckpointAsync(new GetCheckpointRequest { TreeSize = size }, cancellationToken: token).ResponseAsync).CalculateSize()),
        new("GetInclusionProof, a leaf anywhere in the tree", async (i, token) =>
            (await _audit.GetInclusionProofAsync(new GetInclusionProofRequest { Position = Spread(i), TreeSize = size }, cancellationToken: token).ResponseAsync).CalculateSize()),
        new("GetConsistencyProof, an older size to the log's", async (i, token) =>
            (await _audit.GetConsistencyProofAsync(new GetConsistencyProofRequest { OldSize = Spread(i), NewSize = size }, cancellationToken: token).ResponseAsync).CalculateSize()),
    ];

    /// <summary>
    /// Waits until the server has signed a checkpoint of the whole log (it signs at most every interval, and checks the
    /// stored tree at start first), and returns it.
    /// </summary>
    public async Task<GetCheckpointResponse> WaitForCheckpointAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "none yet";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var latest = await _audit.GetCheckpointAsync(new GetCheckpointRequest(), cancellationToken: cancellationToken).ResponseAsync;
                if (latest.TreeSize == size)
                {
                    return latest;
                }

                last = $"tree size {latest.TreeSize}";
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.Unavailable)
            {
                last = e.Status.Detail;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        throw new TimeoutException($"the server signed no checkpoint of all {size} events within {timeout}; last answer: {last}");
    }

    /// <summary>A position (and old size) from 1 to size - 1, the i-th of a walk over the whole log.</summary>
    private long Spread(int i) => 1 + ((i * Stride) % (size - 1));
}
