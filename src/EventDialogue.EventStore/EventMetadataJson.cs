using System.Buffers;
using System.Text;
using System.Text.Json;

namespace EventDialogue.EventStore;

/// <summary>The stored JSON shape of <see cref="EventMetadata"/>; the property names are part of the stored format.</summary>
public static partial class EventMetadataJson
{
    private const string RecordedBy = "recorded_by";
    private const string CorrelationId = "correlation_id";
    private const string CausationId = "causation_id";
    private const string SchemaVersion = "schema_version";
    private const string RequestFingerprint = "request_fingerprint";

    public static string Serialize(EventMetadata metadata)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(RecordedBy, metadata.RecordedBy);
            writer.WriteString(CorrelationId, metadata.CorrelationId);
            if (metadata.CausationId is not null)
            {
                writer.WriteString(CausationId, metadata.CausationId);
            }

            writer.WriteNumber(SchemaVersion, metadata.SchemaVersion);
            if (metadata.RequestFingerprint is not null)
            {
                writer.WriteString(RequestFingerprint, metadata.RequestFingerprint);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static EventMetadata Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ReadAsWritten(json) ?? Read(json);
    }

    private static EventMetadata Read(string json)
    {
        string? recordedBy = null, correlationId = null, causationId = null, requestFingerprint = null;
        var schemaVersion = 1;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case RecordedBy: recordedBy = reader.GetString(); break;
                case CorrelationId: correlationId = reader.GetString(); break;
                case CausationId: causationId = reader.GetString(); break;
                case SchemaVersion: schemaVersion = reader.GetInt32(); break;
                case RequestFingerprint: requestFingerprint = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        return new EventMetadata(recordedBy ?? string.Empty, correlationId ?? string.Empty, causationId, schemaVersion, requestFingerprint);
    }
}
