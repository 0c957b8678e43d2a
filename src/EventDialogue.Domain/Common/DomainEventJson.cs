using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventDialogue.Domain.Common;

/// <summary>
/// The stored JSON of domain events: snake_case properties, stable type names from <see cref="EventTypeAttribute"/>.
/// The shapes are locked by snapshot tests, since changing one changes how history reads.
/// </summary>
public static class DomainEventJson
{
    /// <summary>The version of the stored shapes written today; older versions are upcast on read.</summary>
    public const int SchemaVersion = 1;

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(IDomainEvent fact) => JsonSerializer.Serialize(fact, fact.GetType(), Options);

    public static IDomainEvent Deserialize(string type, string json, int schemaVersion = SchemaVersion)
    {
        if (!EventTypes.All.TryGetValue(type, out var clrType))
        {
            throw new UnknownEventTypeException(type);
        }

        if (schemaVersion > SchemaVersion)
        {
            throw new JsonException($"{type} was stored with schema version {schemaVersion}, newer than this server reads ({SchemaVersion})");
        }

        return (IDomainEvent)(JsonSerializer.Deserialize(json, clrType, Options)
            ?? throw new JsonException($"{type}: stored data is null"));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new NestedDomainEventConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>An event inside an event (a correction's replacement) is written with its type name beside its data.</summary>
    private sealed class NestedDomainEventConverter : JsonConverter<IDomainEvent>
    {
        public override IDomainEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var type = root.GetProperty("type").GetString() ?? throw new JsonException("a nested event has no type");
            return Deserialize(type, root.GetProperty("data").GetRawText());
        }

        public override void Write(Utf8JsonWriter writer, IDomainEvent value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("type", EventTypes.NameOf(value));
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
            writer.WriteEndObject();
        }
    }
}

public sealed class UnknownEventTypeException(string type) : Exception($"'{type}' is not an event type this server knows")
{
    public string Type { get; } = type;
}
