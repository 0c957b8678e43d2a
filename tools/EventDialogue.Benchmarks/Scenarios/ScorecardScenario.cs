using EventDialogue.Benchmarks.Backends;
using EventDialogue.Benchmarks.Measuring;
using EventDialogue.Benchmarks.Output;
using EventDialogue.Benchmarks.Server;
using EventDialogue.Benchmarks.Workload;

namespace EventDialogue.Benchmarks.Scenarios;

/// <summary>
/// The analysis scorecard (issue 13) over a tracker of more than 10,000 commitments, on the real server, against the
/// empty call: one call at a time from one client, interleaved as the view latency is.
/// </summary>
internal sealed class ScorecardScenario(LoadedHistory history, int calls, int warmupCalls, string workDirectory, ProgressLog log)
{
    public async Task<IReadOnlyList<LatencyResult>> RunAsync(IBenchmarkBackend backend, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string> { ["Security:AdminKeyName"] = "benchmark" };
        var server = await BenchmarkServer.StartAsync(backend.HistoryServerSettings, settings, workDirectory);
        await using (server)
        {
            log.Step(backend.Name, $"analysis: server on the history database at {server.GrpcAddress}");
            using var channel = server.CreateChannel();
            await new ServerCalls(channel, history).WaitForViewsAsync(TimeSpan.FromMinutes(30), cancellationToken);

            var scorecards = new ScorecardCalls(channel);
            var assessed = await scorecards.CountCommitmentsAsync(history.Head.Value, TimeSpan.FromMinutes(5), cancellationToken);
            if (assessed < ScorecardHistory.Commitments)
            {
                throw new InvalidOperationException($"{backend.Name}: the scorecard assesses {assessed:N0} commitments, fewer than the {ScorecardHistory.Commitments:N0} generated");
            }

            log.Step(backend.Name, $"analysis: the scorecard assesses {assessed:N0} commitments");
            TimedCall[] timed = [ServerCalls.EmptyOn(channel), .. scorecards.Scorecards];
            log.Step(backend.Name, $"scorecard latency: warm-up, {warmupCalls} calls of each kind");
            await ViewLatencyScenario.MeasureAsync(timed, warmupCalls, cancellationToken);
            log.Step(backend.Name, $"scorecard latency: {calls} calls of each kind, one at a time");
            var measured = await ViewLatencyScenario.MeasureAsync(timed, calls, cancellationToken);
            return [.. measured.Select(m => LatencyResult.From(backend.Name, m, measured[0]))];
        }
    }
}
