using System.CommandLine;
using System.Text.Json;
using EventDialogue.Cli.Common;
using EventDialogue.Client.Connection;
using EventDialogue.Client.Dataset;
using Spectre.Console;

namespace EventDialogue.Cli.Import;

/// <summary>`import`: checks a dataset folder as a whole, then sends it entry by entry through the RecordingService.</summary>
internal static class ImportCommand
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ViewsTimeout = TimeSpan.FromMinutes(2);
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly Argument<DirectoryInfo> Folder = new("folder")
    {
        Description = "The dataset folder: YAML files, imported in the order of their names.",
        DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("data", "reference")),
    };

    private static readonly Option<DirectoryInfo> Sources = new("--sources")
    {
        Description = "The folder of the source documents that the dataset's quotes are checked against.",
        DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "sources")),
    };

    private static readonly Option<bool> CheckOnly = new("--check")
    {
        Description = "Only check the dataset (shapes, fields, citations against the documents); send nothing.",
    };

    public static Command Create()
    {
        var command = new Command("import", "Import a dataset (by default the reference record in data/reference) through the server's public API. Importing again records nothing new.")
        {
            Folder, Sources, CheckOnly,
        };
        command.SetSessionAction(RunAsync);
        return command;
    }

    private static async Task RunAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var dataset = DatasetFolder.Load(parsed.GetRequiredValue(Folder).FullName, parsed.GetRequiredValue(Sources).FullName);
        if (parsed.GetValue(CheckOnly))
        {
            session.Err.MarkupLineInterpolated($"[green]{dataset.EntryCount} entries in {dataset.Files.Count} files: no problems found.[/]");
            return;
        }

        var importer = new DatasetImporter(session.Channel.CreateCallInvoker(), CallTimeout);
        var report = await ImportProgressDisplay.RunAsync(session.Err, dataset, progress => importer.ImportAsync(dataset, progress, cancellationToken));
        await ViewsCatchUp.WaitAsync(session.Views, report.LastPosition, ViewsTimeout, cancellationToken);
        if (session.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
            return;
        }

        var table = new Table().AddColumns("File", "Recorded now", "Already recorded");
        foreach (var file in report.Files)
        {
            table.AddRow(Markup.Escape(file.File), file.Recorded.ToString(), file.Replayed.ToString());
        }

        table.AddRow("[bold]total[/]", $"[bold]{report.Recorded}[/]", $"[bold]{report.Replayed}[/]");
        session.Out.Write(table);
        session.Out.MarkupLineInterpolated($"Imported {dataset.Path}: {report.Recorded} entries recorded, {report.Replayed} already there; the views are up to date.");
    }
}
