using System.Text;
using System.Text.Json;

namespace EventDialogue.EventStore;

/// <summary>Checks an append before any I/O, so that bad input fails with a named field and writes nothing.</summary>
public static class AppendValidation
{
    public static void Validate(StreamName? stream, IReadOnlyList<EventData>? events)
    {
        if (stream is null)
        {
            throw new InvalidStoreRequestException("stream", "a stream name is required");
        }

        if (events is null || events.Count == 0)
        {
            throw new InvalidStoreRequestException("events", "an append carries at least one event");
        }

        if (events.Count > StoreLimits.MaxEventsPerAppend)
        {
            throw new InvalidStoreRequestException("events", $"an append carries at most {StoreLimits.MaxEventsPerAppend} events; this one has {events.Count}");
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < events.Count; i++)
        {
            var field = $"events[{i}]";
            var e = events[i] ?? throw new InvalidStoreRequestException(field, "an event is required");
            if (e.EventId == Guid.Empty)
            {
                throw new InvalidStoreRequestException($"{field}.event_id", "an event id is required (the empty GUID is not one)");
            }

            if (!seen.Add(e.EventId))
            {
                throw new InvalidStoreRequestException($"{field}.event_id", $"event id {e.EventId} appears twice in the same append");
            }

            EventTypeName.Validate(e.Type, $"{field}.type");
            ValidateData(e.Data, $"{field}.data");
            ValidateMetadata(e.Metadata, $"{field}.metadata");
        }
    }

    public static void ValidateData(string? data, string field)
    {
        if (string.IsNullOrEmpty(data))
        {
            throw new InvalidStoreRequestException(field, "event data is required (a JSON object)");
        }

        var size = Encoding.UTF8.GetByteCount(data);
        if (size > StoreLimits.MaxEventDataBytes)
        {
            throw new InvalidStoreRequestException(field, $"event data is at most {StoreLimits.MaxEventDataBytes} bytes of UTF-8; this is {size}");
        }

        try
        {
            using var document = JsonDocument.Parse(data);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidStoreRequestException(field, $"event data must be a JSON object, not {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidStoreRequestException(field, $"event data is not valid JSON: {ex.Message}");
        }
    }

    public static void ValidateMetadata(EventMetadata? metadata, string field)
    {
        if (metadata is null)
        {
            throw new InvalidStoreRequestException(field, "metadata is required (recorded-by and correlation id at least)");
        }

        RequireText(metadata.RecordedBy, $"{field}.recorded_by", required: true);
        RequireText(metadata.CorrelationId, $"{field}.correlation_id", required: true);
        RequireText(metadata.CausationId, $"{field}.causation_id", required: false);
        RequireText(metadata.RequestFingerprint, $"{field}.request_fingerprint", required: false);
        if (metadata.SchemaVersion < 1)
        {
            throw new InvalidStoreRequestException($"{field}.schema_version", $"a schema version is 1 or more; {metadata.SchemaVersion} is not");
        }
    }

    private static void RequireText(string? value, string field, bool required)
    {
        if (value is null && !required)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidStoreRequestException(field, required ? "is required and must not be blank" : "must not be blank when given");
        }

        if (value.Length > StoreLimits.MaxMetadataFieldLength)
        {
            throw new InvalidStoreRequestException(field, $"is at most {StoreLimits.MaxMetadataFieldLength} characters; this one has {value.Length}");
        }
    }
}
