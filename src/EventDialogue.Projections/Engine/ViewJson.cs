using System.Text.Json;
using System.Text.Json.Serialization;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Engine;

/// <summary>How view documents are written: snake_case, like the API.</summary>
public static class ViewJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"a stored {typeof(T).Name} is null");

    /// <summary>A document's body, parsed from the UTF-8 its store held where it was read from one.</summary>
    public static T Read<T>(ViewDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.StoredUtf8 is { } utf8
            ? JsonSerializer.Deserialize<T>(utf8, Options) ?? throw new JsonException($"a stored {typeof(T).Name} is null")
            : Read<T>(document.Json);
    }
}
