using System.Diagnostics;
using EventDialogue.Benchmarks.Backends;
using EventDialogue.Benchmarks.Measuring;
using EventDialogue.Benchmarks.Output;
using EventDialogue.Benchmarks.Scenarios;
using EventDialogue.Benchmarks.Workload;

namespace EventDialogue.Benchmarks;

/// <summary>Runs every chosen part on each chosen backend, each backend in fresh databases that are removed afterwards.</summary>
internal sealed class BenchmarkRun(BenchmarkSettings settings, ProgressLog log)
{
    private readonly EventBodies _bodies = new();

    public async Task<BenchmarkResults> RunAsync(CancellationToken cancellationToken)
    {
        var rates = new List<ScenarioResult>();
        var latencies = new List<LatencyResult>();
        var recordings = new List<RecordingResult>();
        var catchUps = new List<ViewCatchUp>();
        var floors = new List<RecordingFloor>();
        var replays = new List<ReplayMemory>();
        foreach (var name in settings.Backends)
        {
            var backend = await BackendFactory.OpenAsync(name, settings, cancellationToken);
            await using (backend)
            {
                log.Step(name, await backend.DescribeAsync(cancellationToken));
                if (settings.Parts.Contains(BenchmarkParts.Store))
                {
                    log.Step(name, $"baseline: {backend.BaselineDescription}");
                    foreach (var scenario in StoreScenarios())
                    {
                        rates.Add(await scenario.RunAsync(backend, cancellationToken));
                    }
                }

                if (settings.Parts.Intersect(BenchmarkParts.OnHistory).Any())
                {
                    await RunOnHistoryAsync(backend, rates, latencies, replays, cancellationToken);
                }

                if (settings.Parts.Contains(BenchmarkParts.Recording))
                {
                    // one per call, then a batch per call (RecordRequests), on a fresh server each: the ratio in one run
                    foreach (var batch in settings.PerCall)
                    {
                        foreach (var clients in settings.Writers)
                        {
                            var scenario = new RecordingScenario(clients, settings.Statements, settings.Stretch, settings.RecordWarmup, log, _bodies, batch);
                            var (stretches, catchUp, floor) = await scenario.RunAsync(backend, settings.WorkDirectory, cancellationToken);
                            recordings.AddRange(stretches);
                            catchUps.Add(catchUp with { Batch = batch });
                            floors.Add(floor);
                        }
                    }
                }
            }
        }

        return new BenchmarkResults(rates, latencies, recordings, catchUps, floors, replays);
    }

    /// <summary>Appends first: the read of $all then reads everything they wrote.</summary>
    private IEnumerable<IScenario> StoreScenarios()
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

    /// <summary>
    /// Appends the domain history once, rebuilds its views, then serves them from the real server. The server runs on
    /// the database the rebuild leaves behind, so its projections start at the head with nothing to catch up.
    /// </summary>
    private async Task RunOnHistoryAsync(IBenchmarkBackend backend, List<ScenarioResult> rates, List<LatencyResult> latencies, List<ReplayMemory> replays, CancellationToken cancellationToken)
    {
        LoadedHistory history;
        var stores = await backend.OpenHistoryAsync(cancellationToken);
        await using (stores)
        {
            var shape = HistoryShape.Scaled(settings.HistoryScale);
            log.Step(backend.Name, $"history: appending {shape}");
            var clock = Stopwatch.StartNew();
            history = await HistoryLoader.AppendAsync(stores.Events, shape, cancellationToken);
            log.Step(backend.Name, $"history: {history.Events:N0} events appended in {clock.Elapsed.TotalSeconds:N1} s, head at {history.Head.Value:N0}");
            if (settings.Parts.Contains(BenchmarkParts.Analysis))
            {
                // In the same database, so that every other part chosen with it runs over it too (and says so here).
                log.Step(backend.Name, $"history: appending {ScorecardHistory.Commitments:N0} more commitments for the analysis part");
                clock.Restart();
                history = await HistoryLoader.AppendMoreAsync(stores.Events, history, ScorecardHistory.Appends(), cancellationToken);
                log.Step(backend.Name, $"history: now {history.Events:N0} events (appended in {clock.Elapsed.TotalSeconds:N1} s), head at {history.Head.Value:N0}");
            }

            // Without a rebuild the server would build the views itself; either way it serves them only once built.
            var projections = Projections();
            var rounds = settings.Parts.Contains(BenchmarkParts.Rebuild) ? settings.RebuildRounds : 0;
            var rebuild = new RebuildScenario(stores, history, projections, rounds, log);
            var result = await rebuild.RunAsync(backend, cancellationToken);
            if (rounds > 0)
            {
                rates.Add(result);
            }

            if (settings.Parts.Contains(BenchmarkParts.Replay))
            {
                var replay = new ReplayScenario(history, stores.Events, settings.ReplayRounds, settings.PageSize, settings.SlowClientRate, settings.WorkDirectory, log);
                var (rate, memory) = await replay.RunAsync(backend, cancellationToken);
                rates.Add(rate);
                replays.Add(memory);
            }
        }

        if (settings.Parts.Contains(BenchmarkParts.Latency))
        {
            var latency = new ViewLatencyScenario(history, settings.Calls, settings.WarmupCalls, settings.WorkDirectory, log);
            latencies.AddRange(await latency.RunAsync(backend, cancellationToken));
        }

        if (settings.Parts.Contains(BenchmarkParts.Analysis))
        {
            var analysis = new ScorecardScenario(history, settings.AnalysisCalls, settings.AnalysisWarmupCalls, settings.WorkDirectory, log);
            latencies.AddRange(await analysis.RunAsync(backend, cancellationToken));
        }

        if (settings.Parts.Contains(BenchmarkParts.Integrity))
        {
            var integrity = new IntegrityScenario(history, settings.Calls, settings.WarmupCalls, settings.ReplayRounds, settings.WorkDirectory, log);
            var (verify, proofs) = await integrity.RunAsync(backend, cancellationToken);
            rates.Add(verify);
            latencies.AddRange(proofs);
        }
    }

    private List<Projections.Engine.IProjection> Projections()
    {
        var all = ServerProjections.All();
        if (settings.Projections.Count == 0)
        {
            return [.. all];
        }

        var unknown = settings.Projections.Except(all.Select(p => p.Name), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown projection(s): {string.Join(", ", unknown)}; the server's are {string.Join(", ", all.Select(p => p.Name))}");
        }

        return [.. all.Where(p => settings.Projections.Contains(p.Name))];
    }
}
