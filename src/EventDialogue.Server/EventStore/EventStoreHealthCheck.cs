using System.Data.Common;
using System.Net.Sockets;
using EventDialogue.EventStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventDialogue.Server.EventStore;

/// <summary>
/// Healthy only when the store answers a read, promptly: a SERVING server can then really serve. A database that is
/// down or unreachable makes it unhealthy, saying why, and healthy again as soon as it answers.
/// </summary>
public sealed class EventStoreHealthCheck(IEventStore store) : IHealthCheck
{
    /// <summary>A database that takes longer than this to answer the smallest read is as good as down to a caller.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            var head = await store.ReadHeadPositionAsync(timeout.Token);
            return HealthCheckResult.Healthy($"The event store answers; its head is at position {head}.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The event store did not answer within {Patience.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is DbException or IOException or TimeoutException or SocketException)
        {
            return HealthCheckResult.Unhealthy($"The event store cannot be read: {ex.Message}", ex);
        }
    }
}
