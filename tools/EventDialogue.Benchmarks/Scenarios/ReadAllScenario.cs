using System.Diagnostics;
using EventDialogue.Benchmarks.Backends;
using EventDialogue.Benchmarks.Measuring;
using EventDialogue.Benchmarks.Output;
using EventDialogue.EventStore;

namespace EventDialogue.Benchmarks.Scenarios;

/// <summary>
/// Reads every event of $all through <see cref="IEventStore.ReadAllAsync"/> page by page, as a catching-up
/// subscriber does, against one plain ordered scan of the same table.
/// </summary>
internal sealed class ReadAllScenario(BenchmarkSettings settings, ProgressLog log) : IScenario
{
    /// <summary>Issue 15's aim: reads within 1.3x of the raw baseline.</summary>
    public const double Goal = 1.3;

    private string Name => $"read $all, pages of {settings.PageSize}";

    public async Task<ScenarioResult> RunAsync(IBenchmarkBackend backend, CancellationToken cancellationToken)
    {
        // The warm-up pass doubles as a check that both sides see the very same rows.
        log.Step(backend.Name, $"{Name}: warm-up");
        var ours = await ReadThroughStoreAsync(backend.Store, settings.PageSize, cancellationToken);
        var raw = await backend.ScanStoreTableAsync(cancellationToken);
        if (ours != raw)
        {
            throw new InvalidOperationException($"{backend.Name}: ReadAllAsync saw {ours}, the plain scan {raw}");
        }

        var samples = new List<Sample>(settings.Rounds);
        for (var round = 0; round < settings.Rounds; round++)
        {
            var sample = await MeasureAsync(backend, ours.Events, round, cancellationToken);
            log.Step(backend.Name, $"{Name}: round {round + 1}/{settings.Rounds}: ours {sample.OurRate:N0}/s, raw {sample.BaselineRate:N0}/s");
            samples.Add(sample);
        }

        return new ScenarioResult(backend.Name, Name, 1, samples, Goal);
    }

    private Task<Sample> MeasureAsync(IBenchmarkBackend backend, long events, int round, CancellationToken cancellationToken) =>
        BackToBack.MeasureAsync(
            events,
            () => TimeAsync(() => ReadThroughStoreAsync(backend.Store, settings.PageSize, cancellationToken)),
            () => TimeAsync(() => backend.ScanStoreTableAsync(cancellationToken)),
            round);

    internal static async Task<TimeSpan> TimeAsync(Func<Task<ScanTotals>> read)
    {
        var clock = Stopwatch.StartNew();
        await read();
        return clock.Elapsed;
    }

    /// <summary>Every event of $all, page by page, as a catching-up subscriber reads it.</summary>
    internal static async Task<ScanTotals> ReadThroughStoreAsync(IEventStore store, int pageSize, CancellationToken cancellationToken)
    {
        var totals = default(ScanTotals);
        var after = Position.Start;
        while (true)
        {
            var page = 0;
            await foreach (var recorded in store.ReadAllAsync(after, AllFilter.None, pageSize, cancellationToken))
            {
                page++;
                after = recorded.Position;
                totals = totals.Add(recorded.Data);
            }

            if (page < pageSize)
            {
                return totals;
            }
        }
    }
}
