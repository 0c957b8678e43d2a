using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Sqlite.Views;

/// <summary>
/// A document's tags as one JSON array of [name, value] pairs, which one statement spreads into rows with json_each:
/// a statement's document has about ten tags, and running the insert once per tag cost more in binding and stepping
/// than the rows themselves.
/// </summary>
internal sealed class TagRows
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    /// <summary>The distinct tags as JSON, or null when there are none.</summary>
    public string? Json(IReadOnlyList<ViewTag> tags)
    {
        if (tags.Count == 0)
        {
            return null;
        }

        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, Options))
        {
            writer.WriteStartArray();
            foreach (var tag in tags.Distinct())
            {
                writer.WriteStartArray();
                writer.WriteStringValue(tag.Name);
                writer.WriteStringValue(tag.Value);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
