using EventDialogue.Api.V1;
using Google.Protobuf;

namespace EventDialogue.Cli.History;

/// <summary>
/// An export's lines: one event per line in the API's JSON form, every field written even when it holds its default, so
/// that a line shows all of an event's metadata and any tool that reads JSON Lines reads the file.
/// </summary>
internal static class ExportLines
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    // Unknown fields are refused: a misspelt field would otherwise be restored as its default, silently.
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    /// <summary>The event on one line (JSON escapes every line break inside strings).</summary>
    public static string Format(HistoryEvent exported) => Formatter.Format(exported);

    /// <exception cref="HistoryFileException">The line is not an event.</exception>
    public static HistoryEvent Parse(string line, string file, long lineNumber)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            throw Bad(file, lineNumber, "the line is empty; each line holds one event");
        }

        try
        {
            return Parser.Parse<HistoryEvent>(line);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            throw Bad(file, lineNumber, $"not an exported event: {e.Message}");
        }
    }

    public static HistoryFileException Bad(string file, long lineNumber, string problem) => new($"{file}, line {lineNumber}: {problem}");
}
