using System.Text.Json;

namespace EventDialogue.EventStore.Tests;

public class EventMetadataJsonTests
{
    public static TheoryData<EventMetadata> Metadata() => new()
    {
        new EventMetadata("key:4f2a9c0e", "req-1", "req-1", 1, new string('a', 64)),
        new EventMetadata("key:4f2a9c0e", "req-1"),
        new EventMetadata("importer", "import-7", "line-12", 3),
        new EventMetadata("importer", "import-7", RequestFingerprint: "f"),
        new EventMetadata("", "", "", 0, ""),
        new EventMetadata("Zhāng <z@example.org>", "a \"quoted\" id", "back\\slash", -2, "tab\there"),
        new EventMetadata("刘晓波", "line\nbreak", "\u0001", int.MaxValue, "+1"),
        new EventMetadata(new string('r', 2000), new string('c', 5000), new string('c', 5000), int.MinValue, new string('f', 300)),
    };

    [Theory]
    [MemberData(nameof(Metadata))]
    public void Metadata_reads_back_as_it_was_written(EventMetadata metadata)
    {
        Assert.Equal(metadata, EventMetadataJson.Deserialize(EventMetadataJson.Serialize(metadata)));
    }

    [Fact]
    public void A_causation_that_is_the_correlation_is_read_as_the_same_string()
    {
        var read = EventMetadataJson.Deserialize(EventMetadataJson.Serialize(new EventMetadata("key:1", "req-1", "req-1")));

        Assert.Same(read.CorrelationId, read.CausationId);
    }

    [Theory]
    [InlineData("""{ "recorded_by": "r", "correlation_id": "c", "schema_version": 2 }""", "r", "c", null, 2, null)]
    [InlineData("""{"correlation_id":"c","recorded_by":"r","schema_version":1}""", "r", "c", null, 1, null)]
    [InlineData("""{"recorded_by":"r","correlation_id":"c","schema_version":1,"later":{"a":[1,"}"]}}""", "r", "c", null, 1, null)]
    [InlineData("""{"recorded_by":"r\u00e9","correlation_id":"c\"","causation_id":"c\"","schema_version":1}""", "ré", "c\"", "c\"", 1, null)]
    [InlineData("""{"recorded_by":"r","correlation_id":"c"}""", "r", "c", null, 1, null)]
    [InlineData("""{"recorded_by":"刘晓波","correlation_id":"c","schema_version":1}""", "刘晓波", "c", null, 1, null)]
    [InlineData("""{"recorded_by":null,"correlation_id":"c","schema_version":4,"request_fingerprint":"f"}""", "", "c", null, 4, "f")]
    public void Metadata_in_another_shape_is_read_by_its_JSON(string json, string recordedBy, string correlationId, string? causationId, int schemaVersion, string? fingerprint)
    {
        Assert.Equal(new EventMetadata(recordedBy, correlationId, causationId, schemaVersion, fingerprint), EventMetadataJson.Deserialize(json));
    }

    [Fact]
    public void A_lone_surrogate_stored_raw_is_read_as_the_JSON_reader_reads_it()
    {
        var json = "{\"recorded_by\":\"a\uD800b\",\"correlation_id\":\"c\",\"schema_version\":1}";

        Assert.Equal("a\uFFFDb", EventMetadataJson.Deserialize(json).RecordedBy);
    }

    [Theory]
    [InlineData("""{"recorded_by":"r","correlation_id":"c","schema_version":01}""")]
    [InlineData("{\"recorded_by\":\"r\u0001\",\"correlation_id\":\"c\",\"schema_version\":1}")]
    [InlineData("""{"recorded_by":"r","correlation_id":"c","schema_version":1}}""")]
    [InlineData("""{"recorded_by":"r","correlation_id":"c","schema_version":1""")]
    public void Metadata_that_is_not_JSON_is_refused(string json)
    {
        Assert.ThrowsAny<JsonException>(() => EventMetadataJson.Deserialize(json));
    }
}
