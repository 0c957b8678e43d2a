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
    /// A call without an answer after this long is reported as stuck, so that the run fails saying which call rather
    /// than waiting for ever: one run's near-empty call once waited for an answer the server, with no call in flight,
    /// never sent (docs/benchmarks.md).
    /// </summary>
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(2);

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
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(StuckAfter);
                var start = Stopwatch.GetTimestamp();
                int bytes;
                try
                {
                    bytes = await timed[which].InvokeAsync(pass, limit.Token);
                }
                catch (Exception e) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"{timed[which].Name}: call {pass} had no answer after {StuckAfter.TotalMinutes:N0} minutes", e);
                }

                latencies[which].Add(Stopwatch.GetElapsedTime(start), bytes);
            }
        }

        return latencies;
    }
}
