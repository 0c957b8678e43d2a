using System.Text;
using EventDialogue.Api.V1;

namespace EventDialogue.Cli.History;

/// <summary>Reading an export file line by line, never all of it at once.</summary>
internal static class ExportFile
{
    /// <summary>
    /// Checks the whole file before anything is sent: every line an event, positions growing, each event with an id and
    /// a recording time, and a trailer, if there is one, last and counting them. Returns how many events it holds.
    /// </summary>
    /// <exception cref="HistoryFileException">The first line that is wrong, and why.</exception>
    public static long Check(string path)
    {
        long count = 0, previous = 0;
        foreach (var (line, exported, trailer) in ReadLines(path))
        {
            if (trailer is not null)
            {
                return trailer.EventCount == count
                    ? count
                    : throw ExportLines.Bad(path, line, $"the trailer counts {trailer.EventCount} events, but {count} lines before it hold events");
            }

            if (exported!.Position <= previous)
            {
                throw ExportLines.Bad(path, line, $"position {exported.Position} does not follow position {previous} of the line before: an export is in position order");
            }

            if (string.IsNullOrWhiteSpace(exported.EventId))
            {
                throw ExportLines.Bad(path, line, "the event has no event_id");
            }

            if (exported.RecordedAt is null)
            {
                throw ExportLines.Bad(path, line, "the event has no recorded_at");
            }

            previous = exported.Position;
            count++;
        }

        return count;
    }

    /// <summary>The file's events in order, with their line numbers (from 1); the trailer, if any, checked and left out.</summary>
    public static IEnumerable<(long Line, HistoryEvent Event)> Read(string path) =>
        ReadLines(path).Where(line => line.Event is not null).Select(line => (line.Line, line.Event!));

    /// <summary>The trailer, if the file ends with one; null for a filtered export, an older one, or one that did not finish.</summary>
    /// <exception cref="HistoryFileException">The last line looks like a trailer but is not a good one.</exception>
    public static ExportTrailer? ReadTrailer(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var line = ExportResume.LastCompleteLine(file);
        return line is not null && ExportTrailer.IsTrailer(line.Value.Text)
            ? ExportTrailer.Parse(line.Value.Text, path, ExportResume.CountLines(file, line.Value.Start) + 1)
            : null;
    }

    /// <summary>Each line as an event, or as the trailer, which must be the last.</summary>
    private static IEnumerable<(long Line, HistoryEvent? Event, ExportTrailer? Trailer)> ReadLines(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        long number = 0;
        ExportTrailer? trailer = null;
        while (ReadLine(reader, path, number + 1) is { } line)
        {
            number++;
            if (trailer is not null)
            {
                throw ExportLines.Bad(path, number, "a line after the export's trailer: the trailer is the last line");
            }

            if (ExportTrailer.IsTrailer(line))
            {
                trailer = ExportTrailer.Parse(line, path, number);
                yield return (number, null, trailer);
            }
            else
            {
                yield return (number, ExportLines.Parse(line, path, number), null);
            }
        }
    }

    private static string? ReadLine(StreamReader reader, string path, long number)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (DecoderFallbackException e)
        {
            throw ExportLines.Bad(path, number, $"not UTF-8 text: {e.Message}");
        }
    }
}
