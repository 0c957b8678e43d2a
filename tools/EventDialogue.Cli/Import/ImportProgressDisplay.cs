using EventDialogue.Client.Dataset;
using Spectre.Console;

namespace EventDialogue.Cli.Import;

/// <summary>Shows an import's progress: a live bar on a terminal, a line per file otherwise (logs, CI).</summary>
internal static class ImportProgressDisplay
{
    public static async Task<ImportReport> RunAsync(IAnsiConsole console, DatasetFolder dataset, Func<IProgress<ImportProgress>, Task<ImportReport>> import)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            return await console.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("Importing", maxValue: dataset.EntryCount);
                return await import(new Progress<ImportProgress>(p =>
                {
                    task.Value = p.Sent;
                    task.Description = Markup.Escape(p.File);
                }));
            });
        }

        var lastFile = string.Empty;
        return await import(new SynchronousProgress(p =>
        {
            if (p.File != lastFile)
            {
                lastFile = p.File;
                console.WriteLine($"Importing {p.File}");
            }
        }));
    }

    /// <summary>Reports on the caller's thread, so lines come out in order and before the summary.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
