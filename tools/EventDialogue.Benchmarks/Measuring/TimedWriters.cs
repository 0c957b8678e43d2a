using System.Diagnostics;
using EventDialogue.Benchmarks.Backends;
using EventDialogue.Benchmarks.Workload;

namespace EventDialogue.Benchmarks.Measuring;

/// <summary>Runs a plan's writers concurrently and times them from a common start to the last one's end.</summary>
internal static class TimedWriters
{
    public static async Task<TimeSpan> RunAsync(WorkloadPlan plan, Func<CancellationToken, Task<IAppender>> open, CancellationToken cancellationToken)
    {
        var appenders = new List<IAppender>(plan.Writers.Count);
        try
        {
            // Connections are opened before the clock starts: connecting is not what is being compared.
            foreach (var _ in plan.Writers)
            {
                appenders.Add(await open(cancellationToken));
            }

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writers = plan.Writers
                .Select((appends, i) => Task.Run(() => WriteAsync(go.Task, appenders[i], appends, cancellationToken), cancellationToken))
                .ToArray();
            var clock = Stopwatch.StartNew();
            go.SetResult();
            await Task.WhenAll(writers);
            return clock.Elapsed;
        }
        finally
        {
            foreach (var appender in appenders)
            {
                await appender.DisposeAsync();
            }
        }
    }

    private static async Task WriteAsync(Task go, IAppender appender, IReadOnlyList<PlannedAppend> appends, CancellationToken cancellationToken)
    {
        await go;
        foreach (var append in appends)
        {
            await appender.AppendAsync(append, cancellationToken);
        }
    }
}
