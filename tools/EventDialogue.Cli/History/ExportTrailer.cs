using System.Text.Encodings.Web;
using System.Text.Json;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Cli.History;

/// <summary>
/// The last line of a whole (unfiltered) export: how many events it holds and the signed checkpoint of exactly those
/// events' tree, so that `verify --offline` needs no server. Only the key the auditor gives is trusted, never a file's.
/// </summary>
/// <param name="EventCount">The events before this line: the checkpoint's tree size.</param>
/// <param name="SignedCheckpoint">The signed note as the server signed it.</param>
internal sealed record ExportTrailer(long EventCount, string SignedCheckpoint)
{
    private const string Property = "exportTrailer";

    /// <summary>How a trailer line starts, as export writes it; an event line starts with its first field instead.</summary>
    private const string Start = "{\"" + Property + "\"";

    // The note's '+' and em dash kept as they are, so a person reading the line sees the note as signed.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Format() => JsonSerializer.Serialize(
        new Dictionary<string, object>
        {
            [Property] = new Dictionary<string, object> { ["eventCount"] = EventCount, ["signedCheckpoint"] = SignedCheckpoint },
        },
        Readable);

    public static bool IsTrailer(string line) => line.StartsWith(Start, StringComparison.Ordinal);

    /// <summary>The trailer on this line, its checkpoint's size checked against its count (not its signature: that needs the key).</summary>
    /// <exception cref="HistoryFileException">The line is not a well-formed trailer.</exception>
    public static ExportTrailer Parse(string line, string file, long lineNumber)
    {
        ExportTrailer trailer;
        try
        {
            using var json = JsonDocument.Parse(line);
            var body = json.RootElement.GetProperty(Property);
            trailer = new ExportTrailer(body.GetProperty("eventCount").GetInt64(), body.GetProperty("signedCheckpoint").GetString() ?? string.Empty);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw ExportLines.Bad(file, lineNumber, $"not the export's trailer ({{\"{Property}\": {{\"eventCount\": N, \"signedCheckpoint\": NOTE}}}}): {e.Message}");
        }

        var split = trailer.SignedCheckpoint.LastIndexOf("\n\n", StringComparison.Ordinal);
        try
        {
            var size = Checkpoint.Parse(split < 0 ? trailer.SignedCheckpoint : trailer.SignedCheckpoint[..(split + 1)]).TreeSize;
            return size == trailer.EventCount
                ? trailer
                : throw ExportLines.Bad(file, lineNumber, $"the trailer counts {trailer.EventCount} events, but its checkpoint is of {size}");
        }
        catch (FormatException e)
        {
            throw ExportLines.Bad(file, lineNumber, $"the trailer's signedCheckpoint is not a checkpoint: {e.Message}");
        }
    }
}
