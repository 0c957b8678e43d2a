using System.Text;
using EventDialogue.Api.V1;

namespace EventDialogue.Cli.History;

/// <summary>Reading an export file line by line, never all of it at once.</summary>
internal static class ExportFile
{
    /// <summary>
    /// Checks the whole file before anything is sent: every line an event, positions growing, each event with an id and
    /// a recording time. Returns how many events it holds.
    /// </summary>
    /// <exception cref="HistoryFileException">The first line that is wrong, and why.</exception>
    public static long Check(string path)
    {
        long count = 0, previous = 0;
        foreach (var (line, exported) in Read(path))
        {
            if (exported.Position <= previous)
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

    /// <summary>The file's events in order, with their line numbers (from 1).</summary>
    public static IEnumerable<(long Line, HistoryEvent Event)> Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        long number = 0;
        while (ReadLine(reader, path, number + 1) is { } line)
        {
            number++;
            yield return (number, ExportLines.Parse(line, path, number));
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
