using EventDialogue.Benchmarks.Backends;
using EventDialogue.Benchmarks.Measuring;

namespace EventDialogue.Benchmarks.Scenarios;

/// <summary>A workload measured on our store and on the raw baseline of the same database.</summary>
internal interface IScenario
{
    Task<ScenarioResult> RunAsync(IBenchmarkBackend backend, CancellationToken cancellationToken);
}
