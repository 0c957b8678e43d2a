using System.Collections.Concurrent;
using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Grpc.Core;
using EventDialogue.Client.Connection;

namespace EventDialogue.Server.Tests.Faults;

/// <summary>A statement the server acknowledged, with the request that recorded it.</summary>
internal sealed record Acknowledged(RecordStatementRequest Request, WriteResult Result);

/// <summary>What a load run ended with: the writes acknowledged, and the requests whose outcome the kill hid.</summary>
internal sealed record LoadOutcome(IReadOnlyList<Acknowledged> Acknowledged, IReadOnlyList<RecordStatementRequest> InFlight);

/// <summary>
/// Several clients, each on a connection of its own, record statements with fresh request ids as fast as the server
/// answers, until the server goes away. <see cref="ThresholdReached"/> completes when the acknowledgements reach a
/// threshold, with the other clients' calls still in the air, which is when the test kills the server.
/// </summary>
internal sealed class StatementLoad(Uri server, string sourceId, int clients, int killThreshold)
{
    private readonly ConcurrentQueue<Acknowledged> _acknowledged = new();
    private readonly ConcurrentQueue<RecordStatementRequest> _inFlight = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private readonly TaskCompletionSource _thresholdReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private volatile bool _killed;

    public Task ThresholdReached => _thresholdReached.Task;

    /// <summary>Say so before killing the server: from then on a failed call is an outcome to check, not a fault.</summary>
    public void MarkKilled() => _killed = true;

    public async Task<LoadOutcome> RunAsync(TimeSpan bound)
    {
        using var deadline = new CancellationTokenSource(bound);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(() => ClientAsync(client, deadline.Token))));
        Assert.True(_unexpected.IsEmpty, $"calls failed before the kill: {string.Join("; ", _unexpected.Take(5))}");
        return new LoadOutcome([.. _acknowledged], [.. _inFlight]);
    }

    private async Task ClientAsync(int client, CancellationToken bound)
    {
        using var channel = ServerChannel.Create(server, ServerProcess.AdminKey);
        var recording = new RecordingService.RecordingServiceClient(channel);
        var sequence = 0;
        while (true)
        {
            bound.ThrowIfCancellationRequested();
            var request = Valid.Statement(Valid.Id($"kill-{client}-{sequence++}"), sourceId);
            request.Text = $"Statement recorded under load as {request.RequestId}.";
            try
            {
                var response = await recording.RecordStatementAsync(request, deadline: DateTime.UtcNow + Timeouts.Call, cancellationToken: bound);
                _acknowledged.Enqueue(new Acknowledged(request, response.Result));
                if (Interlocked.Increment(ref _count) == killThreshold)
                {
                    _thresholdReached.TrySetResult();
                }
            }
            catch (RpcException e)
            {
                // Once the server is gone every client ends here, with its last request's outcome unknown.
                if (!_killed)
                {
                    _unexpected.Enqueue($"{request.RequestId}: {e.StatusCode} {e.Status.Detail}");
                }

                _inFlight.Enqueue(request);
                return;
            }
        }
    }
}
