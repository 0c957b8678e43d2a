using System.CommandLine;
using System.Text;
using System.Text.Json;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using Grpc.Core;
using Spectre.Console;

namespace EventDialogue.Cli.History;

/// <summary>
/// `history export FILE`: the log, or the part a filter picks, as JSON Lines read through ReadAll. An export that was
/// stopped goes on where it stopped when run again on the same file. A whole export ends with a trailer carrying the
/// signed checkpoint of exactly its events, for `verify --offline`.
/// </summary>
internal static class ExportCommand
{
    private static readonly Argument<FileInfo> File = new("file")
    {
        Description = "Where to write: one event per line. If it already holds events, the export goes on after the last one (run it with the same filter).",
    };

    public static Command Create()
    {
        var command = new Command(
            "export",
            "Export the log (or the events a filter picks) as JSON Lines: every event with all its metadata, in position order. Resumable: run it again on the same file to go on where it stopped.")
        {
            File,
        };
        foreach (var option in HistoryFilterOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetSessionAction(RunAsync);
        return command;
    }

    private static async Task RunAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var path = parsed.GetRequiredValue(File).FullName;
        var filter = HistoryFilterOptions.Read(parsed);
        var whole = filter.Categories.Count == 0 && filter.EventTypes.Count == 0 && filter.Streams.Count == 0;
        var start = ExportResume.Prepare(path);
        if (start.HadTrailer && !whole)
        {
            throw new HistoryFileException($"{path} is a whole export of the log: go on with it without a filter, or export the filtered events to another file.");
        }

        var after = start.AfterPosition;
        var request = new ReadAllRequest { AfterPosition = after, Filter = filter };
        var (count, last) = await HistoryProgress.RunAsync(session.Err, "Exporting", total: null, progress => WriteAsync(session, request, path, progress, cancellationToken));
        ExportTrailer? trailer = null;
        if (whole)
        {
            (trailer, var more, last) = await ExportCheckpoint.AppendAsync(session, path, start.EventCount + count, last, cancellationToken);
            count += more;
        }

        var resumed = after > 0 ? $" (going on after position {after})" : string.Empty;
        if (session.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new { file = path, eventCount = count, afterPosition = after, lastPosition = last, signedTreeSize = trailer?.EventCount }));
            return;
        }

        session.Out.MarkupLineInterpolated($"Exported {count} events to {path}{resumed}; the last is at position {last}.");
        if (trailer is not null)
        {
            session.Out.MarkupLineInterpolated($"It ends with the signed checkpoint of its {trailer.EventCount} events: `history verify --offline {path} --verifier-key KEY` checks it with no server.");
        }
        else if (!whole)
        {
            session.Out.MarkupLine("A filtered export carries no signed checkpoint: `history verify --offline` needs the whole log.");
        }
    }

    internal static async Task<(long Count, long Last)> WriteAsync(Session session, ReadAllRequest request, string path, IProgress<long> progress, CancellationToken cancellationToken)
    {
        await using var file = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
        using var call = session.History.ReadAll(request, cancellationToken: cancellationToken);
        long count = 0, last = request.AfterPosition;
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            // Whole lines only, each ended by its break: a line cut short by a crash has none, and is dropped on resume.
            await file.WriteAsync(ExportLines.Format(response.Event) + "\n");
            count++;
            last = response.Event.Position;
            if (count % 100 == 0)
            {
                progress.Report(count);
            }
        }

        progress.Report(count);
        return (count, last);
    }
}
