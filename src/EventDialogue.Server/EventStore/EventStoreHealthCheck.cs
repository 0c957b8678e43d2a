using EventDialogue.EventStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventDialogue.Server.EventStore;

/// <summary>
/// Healthy only when the store answers a read: a SERVING server can then really serve. An exception from the store
/// is reported as unhealthy by the health-check service itself.
/// </summary>
public sealed class EventStoreHealthCheck(IEventStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var head = await store.ReadHeadPositionAsync(cancellationToken);
        return HealthCheckResult.Healthy($"The event store answers; its head is at position {head}.");
    }
}
