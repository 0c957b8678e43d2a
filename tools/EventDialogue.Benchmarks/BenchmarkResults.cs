using EventDialogue.Benchmarks.Measuring;

namespace EventDialogue.Benchmarks;

/// <summary>
/// Everything a run measured: rates against raw SQL, latencies against a near-empty call, and recording through the
/// server stretch by stretch, with how long the views took to catch up after it and the floor it is compared with.
/// </summary>
internal sealed record BenchmarkResults(
    IReadOnlyList<ScenarioResult> Rates,
    IReadOnlyList<LatencyResult> Latencies,
    IReadOnlyList<RecordingResult> Recordings,
    IReadOnlyList<ViewCatchUp> CatchUps,
    IReadOnlyList<RecordingFloor> Floors,
    IReadOnlyList<ReplayMemory> Replays);
