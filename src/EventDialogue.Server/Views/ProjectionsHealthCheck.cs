using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventDialogue.Server.Views;

/// <summary>
/// Unhealthy while any view is not following $all: stopped at a poison event (saying which), retrying a store that
/// fails, or — in a process that does not run the projections — cut off from the checkpoints their leader commits.
/// </summary>
public sealed class ProjectionsHealthCheck(ProjectionHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statuses = host.Statuses;
        var problems = statuses.Where(s => !s.IsHealthy).Select(Describe).ToList();
        if (!host.IsLeading && !host.IsConnected)
        {
            problems.Add("this process cannot hear the checkpoints of the process that runs the projections");
        }

        var role = host.IsLeading ? "run here" : "followed";
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy($"views {role}: " + string.Join("; ", statuses.Select(s => $"{s.Name} at {s.Checkpoint}")))
            : HealthCheckResult.Unhealthy(string.Join("; ", problems)));
    }

    private static string Describe(Projections.Engine.ProjectionStatus status) => status switch
    {
        { Failure: { } f } => $"projection {status.Name} stopped at position {f.Position} ({f.EventType} in {f.Stream}): {f.Error}",
        { Outage: { } o } => $"projection {status.Name} at {status.Checkpoint} cannot use the store (try {o.Attempt}, next in {o.RetryIn.TotalSeconds:0.0} s): {o.Error}",
        _ => $"projection {status.Name} at {status.Checkpoint}",
    };
}
