using System.Diagnostics;
using EventDialogue.Benchmarks.Backends;
using EventDialogue.Benchmarks.Measuring;
using EventDialogue.Benchmarks.Output;
using EventDialogue.Benchmarks.Server;
using EventDialogue.Benchmarks.Workload;

namespace EventDialogue.Benchmarks.Scenarios;

/// <summary>
/// Runs the real server on the history database and times view reads and a near-empty call, one call at a time from
/// one client, interleaved so that a slow spell lands on every kind of call alike.
/// </summary>
internal sealed class ViewLatencyScenario(LoadedHistory history, int calls, int warmupCalls, string workDirectory, ProgressLog log)
{
    public async Task<IReadOnlyList<LatencyResult>> RunAsync(IBenchmarkBackend backend, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string> { ["Security:AdminKeyName"] = "benchmark" };
        var server = await BenchmarkServer.StartAsync(backend.HistoryServerSettings, settings, workDirectory);
        await using (server)
        {
            log.Step(backend.Name, $"server on the history database: serving at {server.GrpcAddress}");
            using var channel = server.CreateChannel();
            var serverCalls = new ServerCalls(channel, history);
            await serverCalls.WaitForViewsAsync(TimeSpan.FromMinutes(5), cancellationToken);
            TimedCall[] timed = [serverCalls.Empty, serverCalls.HealthCheck, serverCalls.LargeEmpty, .. serverCalls.ViewReads];

            log.Step(backend.Name, $"view latency: warm-up, {warmupCalls} calls of each kind");
            await MeasureAsync(timed, warmupCalls, cancellationToken);
            log.Step(backend.Name, $"view latency: {calls} calls of each kind, one at a time");
            var measured = await MeasureAsync(timed, calls, cancellationToken);
            var reference = measured[0];
            return [.. measured.Select(m => LatencyResult.From(backend.Name, m, reference))];
        }
    }

    /// <summary>
    /// Each pass makes one call of every kind; the kind that goes first rotates, so that no kind always follows the
    /// same other one (a large response just before can slow the next call).
    /// </summary>
    internal static async Task<Latencies[]> MeasureAsync(TimedCall[] timed, int passes, CancellationToken cancellationToken)
    {
        var latencies = timed.Select(t => new Latencies(t.Name)).ToArray();
        for (var pass = 0; pass < passes; pass++)
        {
            for (var k = 0; k < timed.Length; k++)
            {
                var which = (pass + k) % timed.Length;
                var start = Stopwatch.GetTimestamp();
                var bytes = await timed[which].InvokeAsync(pass, cancellationToken);
                latencies[which].Add(Stopwatch.GetElapsedTime(start), bytes);
            }
        }

        return latencies;
    }
}
