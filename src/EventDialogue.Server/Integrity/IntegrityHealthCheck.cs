using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventDialogue.Server.Integrity;

/// <summary>Unhealthy once a check found the log inconsistent, naming the first bad position; it stays so until a restart on a good log.</summary>
public sealed class IntegrityHealthCheck(IntegrityState state) : IHealthCheck
{
    /// <summary>The check's name, and the gRPC health service that reports it.</summary>
    public const string Name = "integrity";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.Problem is { } problem)
        {
            var at = problem.Position is { } position ? $"first bad position {position}" : "no event position";
            return Task.FromResult(HealthCheckResult.Unhealthy($"The log is inconsistent ({at}): {problem.Description}. No checkpoint is signed."));
        }

        var checkedAtStart = state.StartupCheck is { } result ? $"the last {result.EventsChecked} events of {result.TreeSize} checked at start" : "not checked yet";
        return Task.FromResult(HealthCheckResult.Healthy($"The log matches its tree and signed checkpoints ({checkedAtStart})."));
    }
}
