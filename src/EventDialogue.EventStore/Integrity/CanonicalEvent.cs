using System.Buffers.Binary;
using System.Text;

namespace EventDialogue.EventStore.Integrity;

/// <summary>
/// The bytes of an event that its leaf in the log's Merkle tree hashes: every field an auditor reads, each in a form
/// with exactly one encoding, so that anyone can recompute them from a history read or an export and no two different
/// events share them. Version 1, fixed forever (docs/integrity.md): a change of layout is a new version.
/// <code>
/// u8 version (1) ‖ u64 position ‖ str stream ‖ u64 revision ‖ 16 bytes event id ‖ str type ‖ i64 recorded-at
/// ‖ str recorded-by ‖ str correlation id ‖ opt causation id ‖ u32 schema version ‖ opt request fingerprint ‖ str data
/// </code>
/// Integers are big-endian; recorded-at is microseconds since 1970-01-01T00:00:00Z; the event id is the UUID's 16 bytes
/// in the order its text shows them (RFC 9562); str is a u32 byte length then UTF-8; opt is 0x00 for absent, or 0x01
/// then a str; data is the event's JSON text exactly as stored.
/// </summary>
public static class CanonicalEvent
{
    public const byte Version = 1;

    public static byte[] Bytes(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var metadata = recorded.Metadata;
        var buffer = new List<byte>(256 + recorded.Data.Length) { Version };
        Add64(buffer, recorded.Position.Value);
        AddText(buffer, recorded.Stream.Value);
        Add64(buffer, recorded.Revision);
        buffer.AddRange(recorded.EventId.ToByteArray(bigEndian: true));
        AddText(buffer, recorded.Type);
        Add64(buffer, UnixMicroseconds.From(recorded.RecordedAt));
        AddText(buffer, metadata.RecordedBy);
        AddText(buffer, metadata.CorrelationId);
        AddOptional(buffer, metadata.CausationId);
        Add32(buffer, (uint)metadata.SchemaVersion);
        AddOptional(buffer, metadata.RequestFingerprint);
        AddText(buffer, recorded.Data);
        return [.. buffer];
    }

    /// <summary>The event's leaf hash: SHA-256(0x00 ‖ its canonical bytes).</summary>
    public static byte[] LeafHash(RecordedEvent recorded) => MerkleHashes.Leaf(Bytes(recorded));

    private static void Add64(List<byte> buffer, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        buffer.AddRange(bytes);
    }

    private static void Add32(List<byte> buffer, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        buffer.AddRange(bytes);
    }

    private static void AddText(List<byte> buffer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Add32(buffer, (uint)bytes.Length);
        buffer.AddRange(bytes);
    }

    private static void AddOptional(List<byte> buffer, string? text)
    {
        if (text is null)
        {
            buffer.Add(0x00);
            return;
        }

        buffer.Add(0x01);
        AddText(buffer, text);
    }
}
