using System.Diagnostics;
using EventDialogue.Api.V1;
using EventDialogue.Benchmarks.Backends;
using EventDialogue.Benchmarks.Measuring;
using EventDialogue.Benchmarks.Output;
using EventDialogue.Benchmarks.Server;
using EventDialogue.Benchmarks.Workload;

namespace EventDialogue.Benchmarks.Scenarios;

/// <summary>
/// The auditor's side of the log's Merkle tree (issue 11), on the real server holding the whole history: the latency
/// of checkpoints and proofs against the empty call, one call at a time, interleaved as the view latency is; then the
/// command-line client's full verification (`history verify`: replay every event, recompute its leaf and the root,
/// compare with the signed checkpoint) against a plain replay of the same log through ReadAll, back to back.
/// </summary>
internal sealed class IntegrityScenario(LoadedHistory history, int calls, int warmupCalls, int rounds, string workDirectory, ProgressLog log)
{
    private const string Name = "history verify (the CLI: replay, recompute every leaf and the root), vs a plain ReadAll replay over gRPC";

    public async Task<(ScenarioResult Verify, IReadOnlyList<LatencyResult> Proofs)> RunAsync(IBenchmarkBackend backend, CancellationToken cancellationToken)
    {
        // Checkpoints every second, so that the whole log is signed soon after the start.
        var settings = new Dictionary<string, string> { ["Integrity:CheckpointIntervalSeconds"] = "1" };
        var server = await BenchmarkServer.StartAsync(backend.HistoryServerSettings, settings, workDirectory);
        await using (server)
        {
            log.Step(backend.Name, $"integrity: server on the history database at {server.GrpcAddress}");
            using var channel = server.CreateChannel();

            // Idle projections first, so that the calls have the server to themselves.
            await new ServerCalls(channel, history).WaitForViewsAsync(TimeSpan.FromMinutes(30), cancellationToken);

            // The proofs address leaves by position: the history's database holds only the history, positions 1 to n.
            if (history.Head.Value != history.Events)
            {
                throw new InvalidOperationException($"{backend.Name}: the history's {history.Events} events end at position {history.Head.Value}; the proofs need positions 1 to n");
            }

            var audit = new AuditCalls(channel, history.Events);
            var checkpoint = await audit.WaitForCheckpointAsync(TimeSpan.FromMinutes(10), cancellationToken);
            log.Step(backend.Name, $"integrity: checkpoint of {checkpoint.TreeSize:N0} events signed");

            TimedCall[] timed = [ServerCalls.EmptyOn(channel), .. audit.Proofs];
            log.Step(backend.Name, $"proof latency: warm-up, {warmupCalls} calls of each kind");
            await ViewLatencyScenario.MeasureAsync(timed, warmupCalls, cancellationToken);
            log.Step(backend.Name, $"proof latency: {calls} calls of each kind, one at a time");
            var measured = await ViewLatencyScenario.MeasureAsync(timed, calls, cancellationToken);
            var proofs = measured.Select(m => LatencyResult.From(backend.Name, m, measured[0])).ToList();

            var verify = await MeasureVerifyAsync(backend.Name, server, channel, checkpoint, cancellationToken);
            return (verify, proofs);
        }
    }

    private async Task<ScenarioResult> MeasureVerifyAsync(string backend, BenchmarkServer server, Grpc.Net.Client.GrpcChannel channel, GetCheckpointResponse checkpoint, CancellationToken cancellationToken)
    {
        // Trusted on first use: the benchmark takes the verifier key from the server it measures, as no auditor should.
        string[] verify = ["--json", "history", "verify", "--verifier-key", checkpoint.VerifierKey, "--full"];
        var client = new HistoryService.HistoryServiceClient(channel);

        log.Step(backend, $"{Name}: warm-up");
        // Exit code 0 is the client's word that the log matched the signed checkpoint (it exits 4 when it does not).
        await server.RunCliAsync(verify, cancellationToken);
        var replayed = await ReplayScenario.ReplayAsync(client, null, cancellationToken);
        if (replayed.Events != checkpoint.TreeSize)
        {
            throw new InvalidOperationException($"{backend}: ReadAll replayed {replayed.Events} events, the checkpoint holds {checkpoint.TreeSize}");
        }

        var samples = new List<Sample>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            var sample = await BackToBack.MeasureAsync(
                checkpoint.TreeSize,
                async () =>
                {
                    var clock = Stopwatch.StartNew();
                    await server.RunCliAsync(verify, cancellationToken);
                    return clock.Elapsed;
                },
                () => ReadAllScenario.TimeAsync(() => ReplayScenario.ReplayAsync(client, null, cancellationToken)),
                round);
            log.Step(backend, $"{Name}: round {round + 1}/{rounds}: verify {sample.OurRate:N0}/s, ReadAll {sample.BaselineRate:N0}/s");
            samples.Add(sample);
        }

        return new ScenarioResult(backend, Name, 1, samples, null);
    }
}
