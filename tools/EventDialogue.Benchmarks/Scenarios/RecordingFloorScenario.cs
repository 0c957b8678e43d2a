using System.Diagnostics;
using EventDialogue.Benchmarks.Backends;
using EventDialogue.Benchmarks.Measuring;
using EventDialogue.Benchmarks.Server;
using EventDialogue.Benchmarks.Workload;
using Grpc.Net.Client;

namespace EventDialogue.Benchmarks.Scenarios;

/// <summary>
/// Measures a <see cref="RecordingFloor"/>: the near-empty call from every client at once, the store's appends from as
/// many writers, then each writer making the near-empty call before each append. The appends go to the benchmark's
/// own store on the same backend (not the server's database), on streams of their own.
/// </summary>
internal sealed class RecordingFloorScenario(int clients, int batch, TimeSpan emptyP99, EventBodies bodies)
{
    /// <summary>Calls each of the three measurements makes in all, a thousand or 20,000 statements: seconds on these machines.</summary>
    private int Calls => Math.Min(1000, 20_000 / batch);

    public async Task<RecordingFloor> RunAsync(IBenchmarkBackend backend, GrpcChannel channel, CancellationToken cancellationToken)
    {
        var empty = ServerCalls.EmptyOn(channel);
        var emptyPlan = WorkloadPlanner.Plan($"floore{clients}x{batch}", clients, Calls, 1, bodies);
        var emptyElapsed = await TimedWriters.RunAsync(emptyPlan, _ => Task.FromResult<IAppender>(new EmptyCallOnly(empty)), cancellationToken);

        var storePlan = Plan("s");
        var storeElapsed = await TimedWriters.RunAsync(storePlan, _ => Task.FromResult<IAppender>(new StoreAppender(backend.Store)), cancellationToken);

        var bothPlan = Plan("b");
        var both = new Latencies("a near-empty call, then the append");
        var gate = new Lock();
        void Timed(TimeSpan time)
        {
            lock (gate)
            {
                both.Add(time, 0);
            }
        }

        var bothElapsed = await TimedWriters.RunAsync(bothPlan, _ => Task.FromResult<IAppender>(new EmptyCallThenAppend(empty, new StoreAppender(backend.Store), Timed)), cancellationToken);

        return new RecordingFloor(
            backend.Name,
            clients,
            batch,
            emptyPlan.EventCount / emptyElapsed.TotalSeconds,
            storePlan.EventCount / storeElapsed.TotalSeconds,
            bothPlan.EventCount / bothElapsed.TotalSeconds,
            both.Percentile(0.99),
            emptyP99);
    }

    private WorkloadPlan Plan(string part) => WorkloadPlanner.Plan($"floor{part}{clients}x{batch}", clients, (long)Calls * batch, batch, bodies);

    /// <summary>Makes the near-empty call in the place of each planned append, appending nothing.</summary>
    private sealed class EmptyCallOnly(TimedCall empty) : IAppender
    {
        private int _calls;

        public Task AppendAsync(PlannedAppend append, CancellationToken cancellationToken) => empty.InvokeAsync(_calls++, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class EmptyCallThenAppend(TimedCall empty, IAppender appender, Action<TimeSpan> timed) : IAppender
    {
        private int _calls;

        public async Task AppendAsync(PlannedAppend append, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            await empty.InvokeAsync(_calls++, cancellationToken);
            await appender.AppendAsync(append, cancellationToken);
            timed(Stopwatch.GetElapsedTime(start));
        }

        public ValueTask DisposeAsync() => appender.DisposeAsync();
    }
}
