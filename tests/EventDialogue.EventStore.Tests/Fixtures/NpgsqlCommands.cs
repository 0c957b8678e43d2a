using System.Diagnostics;

namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>
/// Counts round trips to PostgreSQL: the commands (and batches) Npgsql traces through its ActivitySource, only those
/// made under the caller's own trace, so that tests running beside it do not count, and not the opening of a connection.
/// </summary>
public static class NpgsqlCommands
{
    /// <summary>The database commands Npgsql ran for <paramref name="action"/>, by the names it traces them under.</summary>
    public static async Task<List<string>> RunByAsync(Func<Task> action)
    {
        using var source = new ActivitySource("EventDialogue.Tests.NpgsqlCommands");
        var commands = new List<string>();
        ActivityTraceId trace = default;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" || s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Source == source || options.Parent.TraceId == trace ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStarted = activity =>
            {
                // a physical connection the pool opens meanwhile (another caller holds the one it had) is no command
                if (activity.Source.Name == "Npgsql" && activity.TraceId == trace && !activity.DisplayName.StartsWith("CONNECT", StringComparison.Ordinal))
                {
                    lock (commands)
                    {
                        commands.Add(activity.DisplayName);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using (var test = source.StartActivity("counted") ?? throw new InvalidOperationException("the test's activity was not sampled"))
        {
            trace = test.TraceId;
            await action();
        }

        lock (commands)
        {
            return [.. commands];
        }
    }
}
