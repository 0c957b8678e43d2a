using EventDialogue.Api.V1;
using EventDialogue.EventStore;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Cli.History;

/// <summary>
/// An event's leaf hash recomputed by the auditor from the fields a history read shows, never the server's own
/// <see cref="HistoryEvent.LeafHash"/> (but for a redacted event, which has nothing else): the canonical bytes (docs/integrity.md) cover exactly those fields. An empty
/// causation id or request fingerprint reads as absent, as the API carries them.
/// </summary>
internal static class HistoryEventLeaves
{
    public static byte[] LeafHash(HistoryEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);

        // An event the reader is not cleared to see comes as its position and leaf hash alone: that hash is taken as
        // given, since there is nothing to recompute it from. It still has to fold to the signed root with the rest, so
        // a server cannot pass off a changed event as redacted without the replay failing.
        if (e.Redacted)
        {
            return e.LeafHash.Length == MerkleHashes.Size ? e.LeafHash.ToByteArray() : Unmatchable;
        }

        if (e.RecordedAt is null)
        {
            return Unmatchable;
        }

        RecordedEvent recorded;
        try
        {
            recorded = new RecordedEvent(
                Guid.Parse(e.EventId),
                e.Type,
                StreamName.Parse(e.Stream),
                e.Revision,
                new Position(e.Position),
                e.RecordedAt.ToDateTimeOffset(),
                e.Data,
                new EventMetadata(e.RecordedBy, e.CorrelationId, OrNull(e.CausationId), e.SchemaVersion, OrNull(e.RequestFingerprint)));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or InvalidStoreRequestException)
        {
            return Unmatchable;
        }

        return CanonicalEvent.LeafHash(recorded);
    }

    // For a field no store could have recorded (changed after the fact): the leaf of the bare byte 0x00, which no
    // canonical event (they start with version 0x01) hashes to, so that the event fails to match as it should.
    private static byte[] Unmatchable => MerkleHashes.Leaf([0x00]);

    private static string? OrNull(string value) => value.Length == 0 ? null : value;
}
