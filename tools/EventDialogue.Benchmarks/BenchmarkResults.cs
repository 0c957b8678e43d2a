using EventDialogue.Benchmarks.Measuring;

namespace EventDialogue.Benchmarks;

/// <summary>Everything a run measured: rates against raw SQL, and latencies against a near-empty call.</summary>
internal sealed record BenchmarkResults(IReadOnlyList<ScenarioResult> Rates, IReadOnlyList<LatencyResult> Latencies);
