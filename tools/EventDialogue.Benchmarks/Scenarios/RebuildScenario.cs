using System.Diagnostics;
using EventDialogue.Benchmarks.Backends;
using EventDialogue.Benchmarks.Measuring;
using EventDialogue.Benchmarks.Output;
using EventDialogue.Benchmarks.Workload;
using EventDialogue.Projections.Engine;

namespace EventDialogue.Benchmarks.Scenarios;

/// <summary>
/// Drops every view and rebuilds it from position 0 to the head, all projections at once as the server runs them
/// (one runner for all of them, one read of $all and one view transaction a batch, batches of the server's size), against one plain ordered scan of the same
/// events table.
/// </summary>
internal sealed class RebuildScenario(HistoryStores stores, LoadedHistory history, IReadOnlyList<IProjection> projections, int rounds, ProgressLog log)
{
    private string Name => projections.Count == 1 ? $"rebuild the {projections[0].Name} view" : $"rebuild {projections.Count} views from 0";

    public async Task<ScenarioResult> RunAsync(IBenchmarkBackend backend, CancellationToken cancellationToken)
    {
        // The warm-up pass doubles as a check that the scan reads exactly the events appended.
        log.Step(backend.Name, $"{Name}: warm-up");
        await RebuildAsync(cancellationToken);
        var scanned = await backend.ScanHistoryTableAsync(cancellationToken);
        if (scanned.Events != history.Events)
        {
            throw new InvalidOperationException($"{backend.Name}: {history.Events} events were appended, the plain scan read {scanned.Events}");
        }

        // The rebuild runs in this process: its peak resident size over the measured rounds is the rebuild's memory (the
        // history's loading, before, is let go and the peak reset; on a kernel that refuses, the peak covers the loading too).
        GC.Collect();
        ResetPeak();
        var samples = new List<Sample>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            var cpu = TimeSpan.Zero;
            var sample = await BackToBack.MeasureAsync(
                history.Events,
                async () =>
                {
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var elapsed = await RebuildAsync(cancellationToken);
                    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                    return elapsed;
                },
                () => TimeAsync(() => backend.ScanHistoryTableAsync(cancellationToken)),
                round);
            // how busy this process kept the cores while rebuilding: near the core count means bound by its own CPU
            // (on PostgreSQL the server's work is in other processes and not counted)
            var memory = ServerMemory.Of(Environment.ProcessId);
            log.Step(backend.Name, $"{Name}: round {round + 1}/{rounds}: rebuild {sample.OurRate:N0}/s ({cpu / sample.OurTime:0.0} cores busy in this process), raw read {sample.BaselineRate:N0}/s, peak RSS {memory.PeakResidentMiB:N0} MiB");
            samples.Add(sample);
        }

        var peak = ServerMemory.Of(Environment.ProcessId).PeakResidentMiB;
        var beside = rounds > 0 ? await RebuildBesideAsync(backend, cancellationToken) : null;
        return new ScenarioResult(backend.Name, rounds > 0 ? $"{Name}, peak RSS {peak:N0} MiB; {beside}" : Name, null, samples, null);
    }

    /// <summary>
    /// Each view built again as RebuildView does, beside the one in use, then put in its place: how long each takes to
    /// build, and how long its swap holds the views (on SQLite, the one write turn that appends wait for too).
    /// </summary>
    private async Task<string> RebuildBesideAsync(IBenchmarkBackend backend, CancellationToken cancellationToken)
    {
        var swaps = new List<string>();
        foreach (var projection in projections)
        {
            var clock = Stopwatch.StartNew();
            await using var build = await FreshCopyBuild.StartAsync(projection.Fresh(), stores.Events, stores.Views, ServerProjections.ReadRecorded, ProjectionRunner.CatchUpBatchSize, cancellationToken);
            await build.CatchUpAsync(history.Head, cancellationToken);
            var built = clock.Elapsed;
            clock.Restart();
            await build.ReplaceViewAsync(cancellationToken);
            var swapped = clock.Elapsed;
            log.Step(backend.Name, $"{projection.Name} built again beside the view in use in {built.TotalSeconds:0.00} s, swapped in {swapped.TotalMilliseconds:0} ms");
            swaps.Add($"{projection.Name} {built.TotalSeconds:0.0} s / {swapped.TotalMilliseconds:0} ms");
        }

        return $"each built again beside the view in use / swapped in: {string.Join(", ", swaps)}";
    }

    /// <summary>Resets the views (not timed), then times the runners from their start until every one has committed the head.</summary>
    private async Task<TimeSpan> RebuildAsync(CancellationToken cancellationToken)
    {
        foreach (var projection in projections)
        {
            await stores.Views.ResetAsync(projection.Name, projection.Collections, cancellationToken);
        }

        // as the server's ProjectionHost: one runner for all the projections (one read of the log, one transaction a batch)
        var runner = new ProjectionRunner(projections, stores.Events, stores.Views, ServerProjections.ReadRecorded);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var running = new[] { runner.RunAsync(stop.Token) };
        try
        {
            // throws at once if a projection stops at an event it cannot apply
            await Task.WhenAll(projections.Select(p => runner.WatchOf(p.Name).WaitForAsync(history.Head, cancellationToken)));
            return clock.Elapsed;
        }
        finally
        {
            await stop.CancelAsync();
            await StoppedAsync(running);
        }
    }

    /// <summary>Linux resets a process's peak resident size (VmHWM) when 5 is written to its clear_refs.</summary>
    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{Environment.ProcessId}/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // not allowed here: the peak then includes the history's loading
        }
    }

    private static async Task StoppedAsync(IEnumerable<Task> running)
    {
        foreach (var task in running)
        {
            try
            {
                await task;
            }
            catch (OperationCanceledException)
            {
                // stopped on purpose once the head was reached
            }
        }
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task<ScanTotals>> read)
    {
        var clock = Stopwatch.StartNew();
        await read();
        return clock.Elapsed;
    }
}
