using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventDialogue.Server.Views;

/// <summary>Unhealthy while any projection is stopped at a poison event, saying which event.</summary>
public sealed class ProjectionsHealthCheck(ProjectionHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = host.Statuses.Where(s => !s.IsHealthy).ToList();
        return Task.FromResult(failed.Count == 0
            ? HealthCheckResult.Healthy(string.Join("; ", host.Statuses.Select(s => $"{s.Name} at {s.Checkpoint}")))
            : HealthCheckResult.Unhealthy(string.Join("; ", failed.Select(s => $"projection {s.Name} stopped at position {s.Failure!.Position} ({s.Failure.EventType} in {s.Failure.Stream}): {s.Failure.Error}"))));
    }
}
