using EventDialogue.EventStore.Integrity;

namespace EventDialogue.EventStore.Tests.Integrity;

/// <summary>The canonical bytes of an event (version 1): a fixed layout, one encoding per event, every field in it.</summary>
public sealed class CanonicalEventTests
{
    private static readonly RecordedEvent Sample = new(
        Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"),
        "CaseRaised",
        StreamName.Parse("case-liu-xiaobo"),
        2,
        new Position(17),
        UnixMicroseconds.ToDateTimeOffset(1_273_795_200_000_001),
        """{"date":"2010-05-14"}""",
        new EventMetadata("desk", "req-1", "req-1", 1, null));

    [Fact]
    public void Version_1_lays_the_fields_out_as_documented()
    {
        var expected = Convert.FromHexString(
            "01" + "0000000000000011" + "0000000f" + Hex("case-liu-xiaobo") + "0000000000000002"
            + "00112233445566778899aabbccddeeff" + "0000000a" + Hex("CaseRaised") + "000486828e69a001"
            + "00000004" + Hex("desk") + "00000005" + Hex("req-1") + "01" + "00000005" + Hex("req-1") + "00000001"
            + "00" + "00000015" + Hex("""{"date":"2010-05-14"}"""));

        Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(CanonicalEvent.Bytes(Sample)));
    }

    public static TheoryData<string, RecordedEvent> Changed => new()
    {
        { "position", Sample with { Position = new Position(18) } },
        { "stream", Sample with { Stream = StreamName.Parse("case-liu-xiaob") } },
        { "revision", Sample with { Revision = 3 } },
        { "event id", Sample with { EventId = Guid.Parse("00112233-4455-6677-8899-aabbccddeef0") } },
        { "type", Sample with { Type = "CaseRaise" } },
        { "recorded at", Sample with { RecordedAt = Sample.RecordedAt.AddTicks(10) } },
        { "recorded by", Sample with { Metadata = Sample.Metadata with { RecordedBy = "desk2" } } },
        { "correlation id", Sample with { Metadata = Sample.Metadata with { CorrelationId = "req-2" } } },
        { "causation id absent", Sample with { Metadata = Sample.Metadata with { CausationId = null } } },
        { "causation id empty", Sample with { Metadata = Sample.Metadata with { CausationId = string.Empty } } },
        { "schema version", Sample with { Metadata = Sample.Metadata with { SchemaVersion = 2 } } },
        { "fingerprint", Sample with { Metadata = Sample.Metadata with { RequestFingerprint = "abc" } } },
        { "data", Sample with { Data = """{"date":"2010-05-15"}""" } },
    };

    [Theory]
    [MemberData(nameof(Changed))]
    public void Changing_any_field_changes_the_bytes_and_the_leaf_hash(string field, RecordedEvent changed)
    {
        Assert.NotEqual(Convert.ToHexStringLower(CanonicalEvent.Bytes(Sample)), Convert.ToHexStringLower(CanonicalEvent.Bytes(changed)));
        Assert.False(CanonicalEvent.LeafHash(Sample).AsSpan().SequenceEqual(CanonicalEvent.LeafHash(changed)), field);
    }

    [Fact]
    public void Text_moved_from_one_field_to_the_next_is_a_different_event()
    {
        var one = Sample with { Metadata = Sample.Metadata with { RecordedBy = "desk", CorrelationId = "xreq-1" } };
        var other = Sample with { Metadata = Sample.Metadata with { RecordedBy = "deskx", CorrelationId = "req-1" } };

        Assert.NotEqual(Convert.ToHexStringLower(CanonicalEvent.Bytes(one)), Convert.ToHexStringLower(CanonicalEvent.Bytes(other)));
    }

    private static string Hex(string text) => Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(text));
}
