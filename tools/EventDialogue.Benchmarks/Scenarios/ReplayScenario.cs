using System.Diagnostics;
using EventDialogue.Api.V1;
using EventDialogue.Benchmarks.Backends;
using EventDialogue.Benchmarks.Measuring;
using EventDialogue.Benchmarks.Output;
using EventDialogue.Benchmarks.Server;
using EventDialogue.Benchmarks.Workload;
using EventDialogue.EventStore;
using Grpc.Core;

namespace EventDialogue.Benchmarks.Scenarios;

/// <summary>
/// Replays the whole history through HistoryService.ReadAll on the real server, against the store's own $all read of the
/// same events in this process, back to back; then once more by a client that reads deliberately slowly, watching the
/// server's memory: flow control should hold the server to a page however slow the reader.
/// </summary>
internal sealed class ReplayScenario(LoadedHistory history, IEventStore store, int rounds, int pageSize, double slowClientRate, string workDirectory, ProgressLog log)
{
    /// <summary>The aim: a replay over gRPC at ≥ 0.5× the raw $all read, i.e. a ratio of at most 2.</summary>
    public const double Goal = 2.0;

    private const string Name = "replay the log through ReadAll over gRPC, vs the store's $all read in-process";

    public async Task<(ScenarioResult Rate, ReplayMemory Memory)> RunAsync(IBenchmarkBackend backend, CancellationToken cancellationToken)
    {
        var server = await BenchmarkServer.StartAsync(backend.HistoryServerSettings, new Dictionary<string, string>(), workDirectory);
        await using (server)
        {
            log.Step(backend.Name, $"replay: server on the history database at {server.GrpcAddress}");
            using var channel = server.CreateChannel();

            // The views catch up first, so that the projections are idle and the replay has the server to itself.
            await new ServerCalls(channel, history).WaitForViewsAsync(TimeSpan.FromMinutes(30), cancellationToken);
            var client = new HistoryService.HistoryServiceClient(channel);

            log.Step(backend.Name, $"{Name}: warm-up");
            var overGrpc = await ReplayAsync(client, null, cancellationToken);
            var inProcess = await ReadAllScenario.ReadThroughStoreAsync(store, pageSize, cancellationToken);
            if (overGrpc != inProcess)
            {
                throw new InvalidOperationException($"{backend.Name}: ReadAll over gRPC saw {overGrpc}, the store's read {inProcess}");
            }

            var samples = new List<Sample>(rounds);
            for (var round = 0; round < rounds; round++)
            {
                var sample = await BackToBack.MeasureAsync(
                    inProcess.Events,
                    () => ReadAllScenario.TimeAsync(() => ReplayAsync(client, null, cancellationToken)),
                    () => ReadAllScenario.TimeAsync(() => ReadAllScenario.ReadThroughStoreAsync(store, pageSize, cancellationToken)),
                    round);
                log.Step(backend.Name, $"{Name}: round {round + 1}/{rounds}: over gRPC {sample.OurRate:N0}/s, in-process {sample.BaselineRate:N0}/s");
                samples.Add(sample);
            }

            var memory = await SlowReplayAsync(backend.Name, client, server.ProcessId, inProcess.Events, cancellationToken);
            return (new ScenarioResult(backend.Name, Name, 1, samples, Goal), memory);
        }
    }

    private async Task<ReplayMemory> SlowReplayAsync(string backend, HistoryService.HistoryServiceClient client, int serverProcess, long events, CancellationToken cancellationToken)
    {
        var before = ServerMemory.Of(serverProcess);
        ResetPeak(serverProcess);
        log.Step(backend, $"replay by a slow client ({slowClientRate:N0} events/s): server resident {before.ResidentMiB:N0} MiB before");
        var quarters = new List<ServerMemory>(4);
        var peak = before.ResidentBytes;
        var clock = Stopwatch.StartNew();
        await ReplayAsync(client, seen =>
        {
            if (seen % 1_000 == 0)
            {
                var now = ServerMemory.Of(serverProcess);
                peak = Math.Max(peak, Math.Max(now.ResidentBytes, now.PeakResidentBytes));
            }

            if (quarters.Count < 4 && seen >= events * (quarters.Count + 1) / 4)
            {
                quarters.Add(ServerMemory.Of(serverProcess));
                log.Step(backend, $"slow replay: {seen:N0}/{events:N0} events, server resident {quarters[^1].ResidentMiB:N0} MiB");
            }

            // Ahead of the slow client's schedule: wait, so that the server's writes back up behind the client.
            var due = TimeSpan.FromSeconds(seen / slowClientRate);
            return due > clock.Elapsed ? due - clock.Elapsed : TimeSpan.Zero;
        }, cancellationToken);
        var after = ServerMemory.Of(serverProcess);
        peak = Math.Max(peak, after.PeakResidentBytes);
        return new ReplayMemory(backend, events, slowClientRate, clock.Elapsed, before, quarters, peak / 1024.0 / 1024.0);
    }

    /// <summary>Every event of the log through ReadAll; <paramref name="pace"/>, when given, says after each event how long to wait.</summary>
    internal static async Task<ScanTotals> ReplayAsync(HistoryService.HistoryServiceClient client, Func<long, TimeSpan>? pace, CancellationToken cancellationToken)
    {
        var totals = default(ScanTotals);
        using var call = client.ReadAll(new ReadAllRequest(), cancellationToken: cancellationToken);
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            totals = totals.Add(response.Event.Data);
            if (pace?.Invoke(totals.Events) is { } wait && wait > TimeSpan.FromMilliseconds(10))
            {
                await Task.Delay(wait, cancellationToken);
            }
        }

        return totals;
    }

    /// <summary>Linux resets a process's peak resident size (VmHWM) when 5 is written to its clear_refs.</summary>
    private static void ResetPeak(int processId)
    {
        try
        {
            File.WriteAllText($"/proc/{processId}/clear_refs", "5");
        }
        catch (IOException)
        {
            // Not allowed here: the peak sampled during the replay still stands.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
