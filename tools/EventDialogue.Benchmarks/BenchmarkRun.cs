using EventDialogue.Benchmarks.Backends;
using EventDialogue.Benchmarks.Measuring;
using EventDialogue.Benchmarks.Output;
using EventDialogue.Benchmarks.Scenarios;
using EventDialogue.Benchmarks.Workload;

namespace EventDialogue.Benchmarks;

/// <summary>Runs every scenario on each chosen backend, each backend in a fresh database that is removed afterwards.</summary>
internal sealed class BenchmarkRun(BenchmarkSettings settings, ProgressLog log)
{
    private readonly EventBodies _bodies = new();

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<ScenarioResult>();
        foreach (var name in settings.Backends)
        {
            var backend = await BackendFactory.OpenAsync(name, settings, cancellationToken).ConfigureAwait(false);
            await using (backend.ConfigureAwait(false))
            {
                log.Step(name, await backend.DescribeAsync(cancellationToken).ConfigureAwait(false));
                log.Step(name, $"baseline: {backend.BaselineDescription}");
                foreach (var scenario in Scenarios())
                {
                    results.Add(await scenario.RunAsync(backend, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        return results;
    }

    /// <summary>Appends first: the read of $all then reads everything they wrote.</summary>
    private IEnumerable<IScenario> Scenarios()
    {
        foreach (var writers in settings.Writers)
        {
            yield return new AppendScenario(1, writers, settings.Events, settings, _bodies, log);
        }

        foreach (var writers in settings.Writers)
        {
            yield return new AppendScenario(settings.BatchSize, writers, settings.BatchEvents, settings, _bodies, log);
        }

        yield return new ReadAllScenario(settings, log);
    }
}
