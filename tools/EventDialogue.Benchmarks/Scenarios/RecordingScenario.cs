using System.Diagnostics;
using EventDialogue.Api.V1;
using EventDialogue.Benchmarks.Backends;
using EventDialogue.Benchmarks.Measuring;
using EventDialogue.Benchmarks.Output;
using EventDialogue.Benchmarks.Server;
using EventDialogue.Benchmarks.Workload;
using Grpc.Net.Client;

namespace EventDialogue.Benchmarks.Scenarios;

/// <summary>
/// Records statements about one round through the real server (RecordStatement over gRPC), from several clients at
/// once, on a new database, and reports each stretch of the run apart: if the cost of one write grew with the record,
/// the later stretches would be slower and cost the server more CPU per statement than the first.
/// All statements share one topic, the case that used to make the topics view re-read every mention.
/// With a batch of more than one, each call records that many statements at once (RecordRequests, all or nothing), so
/// that the same run compares a batch call's statements per second with single calls'.
/// Before them, the same clients measure the run's <see cref="RecordingFloor"/> (what a call costs with no work of ours).
/// Before the measured statements, the same clients record <c>warmup</c> statements about another round, unmeasured: a new
/// server compiles its code again, optimised, over its first minute or so (the JIT took a fifth of its CPU twenty seconds
/// in), which would make the first stretch dearer than the server's steady state and hide a cost that grows with the round.
/// </summary>
internal sealed class RecordingScenario(int clients, long statements, long stretch, long warmup, ProgressLog log, EventBodies bodies, int batch = 1)
{
    private const int EmptyCalls = 200;

    public async Task<(IReadOnlyList<RecordingResult> Stretches, ViewCatchUp CatchUp, RecordingFloor Floor)> RunAsync(IBenchmarkBackend backend, string workDirectory, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string> { ["Security:AdminKeyName"] = "benchmark" };
        var server = await BenchmarkServer.StartAsync(backend.FreshServerSettings($"recording{clients}x{batch}"), settings, workDirectory);
        await using (server)
        {
            using var channel = server.CreateChannel();
            var (round, warmupRound) = await RecordingWorkload.PrepareRoundsAsync(channel, cancellationToken);
            var perCall = batch == 1 ? "one per call" : $"{batch} per call";
            var recording = new RecordingService.RecordingServiceClient(channel);
            if (warmup > 0)
            {
                log.Step(backend.Name, $"recording: warming up with {warmup:N0} statements about another round from {clients} client(s), {perCall}");
                var warmedTo = 0L;
                var gate = new Lock();
                await RecordConcurrentlyAsync(
                    warmup,
                    async first =>
                    {
                        var (position, _) = await WarmUpCallAsync(recording, warmupRound, first, cancellationToken);
                        lock (gate)
                        {
                            warmedTo = Math.Max(warmedTo, position);
                        }
                    },
                    cancellationToken);

                // so that neither the floor nor the first stretch shares the machine with the warm-up's view writes
                await RecordingWorkload.WaitForViewsAsync(channel, warmedTo, cancellationToken);
            }

            var emptyP99 = await EmptyCallP99Async(channel, cancellationToken);
            log.Step(backend.Name, $"recording: the floor from {clients} client(s), {perCall}: near-empty calls, the store's appends, then both in turn");
            var floor = await new RecordingFloorScenario(clients, batch, emptyP99, bodies).RunAsync(backend, channel, cancellationToken);
            log.Step(backend.Name, $"recording: {statements:N0} statements about one round from {clients} client(s), {perCall}, on {server.GrpcAddress}");
            var run = await RecordAsync(recording, round, server.ProcessId, cancellationToken);
            var results = run.Stretches.Select(s => s with { Backend = backend.Name, EmptyP99 = emptyP99, Batch = batch }).ToList();

            var lastWrite = Stopwatch.GetTimestamp();
            await RecordingWorkload.WaitForViewsAsync(channel, run.LastPosition, cancellationToken);
            var catchUp = new ViewCatchUp(backend.Name, clients, statements, Stopwatch.GetElapsedTime(lastWrite));
            return (results, catchUp, floor);
        }
    }

    private async Task<(List<RecordingResult> Stretches, long LastPosition)> RecordAsync(RecordingService.RecordingServiceClient recording, string roundId, int serverProcess, CancellationToken cancellationToken)
    {
        var stretches = (int)((statements + stretch - 1) / stretch);
        var latencies = Enumerable.Range(0, stretches).Select(i => new Latencies($"stretch {i}")).ToArray();
        var ends = new (long Timestamp, TimeSpan Cpu)[stretches + 1];
        ends[0] = (Stopwatch.GetTimestamp(), ProcessCpu.Used(serverProcess));
        var done = 0L;
        var lastPosition = 0L;
        var gate = new Lock();

        async Task RecordMeasuredAsync(long first)
        {
            var count = (int)Math.Min(batch, statements - first);
            var start = Stopwatch.GetTimestamp();
            var (position, size) = await RecordCallAsync(recording, index => RecordingWorkload.Statement(roundId, index), first, count, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(start);
            lock (gate)
            {
                latencies[first / stretch].Add(elapsed, size);
                lastPosition = Math.Max(lastPosition, position);
                var before = done;
                done += count;
                for (var ended = (before / stretch) + 1; ended <= done / stretch; ended++)
                {
                    ends[ended] = (Stopwatch.GetTimestamp(), ProcessCpu.Used(serverProcess));
                }

                if (done == statements)
                {
                    ends[^1] = (Stopwatch.GetTimestamp(), ProcessCpu.Used(serverProcess));
                }
            }
        }

        await RecordConcurrentlyAsync(statements, RecordMeasuredAsync, cancellationToken);
        var results = new List<RecordingResult>(stretches);
        for (var k = 0; k < stretches; k++)
        {
            var elapsed = Stopwatch.GetElapsedTime(ends[k].Timestamp, ends[k + 1].Timestamp);
            results.Add(new RecordingResult(
                string.Empty,
                clients,
                (k * stretch) + 1,
                Math.Min((k + 1) * stretch, statements),
                elapsed,
                latencies[k].Percentile(0.50),
                latencies[k].Percentile(0.99),
                ends[k + 1].Cpu - ends[k].Cpu,
                TimeSpan.Zero));
        }

        return (results, lastPosition);
    }

    /// <summary>
    /// Records <paramref name="total"/> statements from the scenario's clients at once, each call taking the next
    /// <c>batch</c> of them (the last call what is left): <paramref name="call"/> records the call starting at an index.
    /// </summary>
    private async Task RecordConcurrentlyAsync(long total, Func<long, Task> call, CancellationToken cancellationToken)
    {
        var next = -1L;

        async Task ClientAsync()
        {
            for (var first = Interlocked.Add(ref next, batch) - batch + 1; first < total; first = Interlocked.Add(ref next, batch) - batch + 1)
            {
                await call(first);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(ClientAsync, cancellationToken)));
    }

    private Task<(long Position, int Size)> WarmUpCallAsync(RecordingService.RecordingServiceClient recording, string roundId, long first, CancellationToken cancellationToken) =>
        RecordCallAsync(recording, index => RecordingWorkload.WarmupStatement(roundId, index), first, (int)Math.Min(batch, warmup - first), cancellationToken);

    /// <returns>The last position written and the response's size.</returns>
    private async Task<(long Position, int Size)> RecordCallAsync(RecordingService.RecordingServiceClient recording, Func<long, RecordStatementRequest> statement, long first, int count, CancellationToken cancellationToken)
    {
        if (batch == 1)
        {
            var response = await recording.RecordStatementAsync(statement(first), cancellationToken: cancellationToken).ResponseAsync;
            return (response.Result.Position, response.CalculateSize());
        }

        var request = new RecordRequestsRequest { AllOrNothing = true };
        for (var i = first; i < first + count; i++)
        {
            request.Requests.Add(Google.Protobuf.WellKnownTypes.Any.Pack(statement(i)));
        }

        var answered = await recording.RecordRequestsAsync(request, cancellationToken: cancellationToken).ResponseAsync;
        return (answered.Outcomes.Max(o => o.Result.Position), answered.CalculateSize());
    }

    private static async Task<TimeSpan> EmptyCallP99Async(GrpcChannel channel, CancellationToken cancellationToken)
    {
        var empty = Server.ServerCalls.EmptyOn(channel);
        var latencies = new Latencies(empty.Name);
        for (var i = 0; i < EmptyCalls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await empty.InvokeAsync(i, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(start), 0);
        }

        return latencies.Percentile(0.99);
    }
}
