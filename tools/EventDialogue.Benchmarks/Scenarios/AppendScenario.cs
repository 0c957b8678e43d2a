using EventDialogue.Benchmarks.Backends;
using EventDialogue.Benchmarks.Measuring;
using EventDialogue.Benchmarks.Output;
using EventDialogue.Benchmarks.Workload;

namespace EventDialogue.Benchmarks.Scenarios;

/// <summary>Appends of a batch size by concurrent writers, each on its own streams, against plain INSERTs of the same rows.</summary>
internal sealed class AppendScenario(int batchSize, int writers, long events, BenchmarkSettings settings, EventBodies bodies, ProgressLog log) : IScenario
{
    /// <summary>The aim: appends within 2x of the raw baseline.</summary>
    public const double Goal = 2.0;

    private string Name => batchSize == 1 ? "append 1 event" : $"append batch of {batchSize}";

    public async Task<ScenarioResult> RunAsync(IBenchmarkBackend backend, CancellationToken cancellationToken)
    {
        log.Step(backend.Name, $"{Name}, {writers} writer(s): warm-up");
        await MeasureAsync(backend, Plan("warm", settings.WarmupEvents), round: 0, cancellationToken);

        var samples = new List<Sample>(settings.Rounds);
        for (var round = 0; round < settings.Rounds; round++)
        {
            var plan = Plan($"r{round}", events);
            var sample = await MeasureAsync(backend, plan, round, cancellationToken);
            log.Step(backend.Name, $"{Name}, {writers} writer(s): round {round + 1}/{settings.Rounds}: ours {sample.OurRate:N0}/s, raw {sample.BaselineRate:N0}/s");
            samples.Add(sample);
        }

        return new ScenarioResult(backend.Name, Name, writers, samples, Goal);
    }

    private WorkloadPlan Plan(string round, long count) =>
        WorkloadPlanner.Plan($"b{batchSize}w{writers}{round}", writers, count, batchSize, bodies);

    private static Task<Sample> MeasureAsync(IBenchmarkBackend backend, WorkloadPlan plan, int round, CancellationToken cancellationToken) =>
        BackToBack.MeasureAsync(
            plan.EventCount,
            () => TimedWriters.RunAsync(plan, _ => Task.FromResult<IAppender>(new StoreAppender(backend.Store)), cancellationToken),
            () => TimedWriters.RunAsync(plan, backend.OpenBaselineAppenderAsync, cancellationToken),
            round);
}
