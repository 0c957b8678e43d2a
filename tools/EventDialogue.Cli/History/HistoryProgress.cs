using Spectre.Console;

namespace EventDialogue.Cli.History;

/// <summary>
/// A bar for an export or a restore, on stderr and only on a terminal (a log or a pipe gets the summary alone). Without a
/// known total the bar is indeterminate and counts the events as they go.
/// </summary>
internal static class HistoryProgress
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string title, long? total, Func<IProgress<long>, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await work(new Progress<long>());
        }

        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: total ?? 1);
                task.IsIndeterminate = total is null;
                var result = await work(new Progress<long>(done =>
                {
                    task.Value = total is null ? 0 : done;
                    task.Description = $"{title}: {done} events";
                }));
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                return result;
            });
    }
}
