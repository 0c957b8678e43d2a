using EventDialogue.Api.V1;
using EventDialogue.EventStore;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Server.Tests.Integrity;

/// <summary>An event's leaf hash as an auditor recomputes it from a history read's fields.</summary>
internal static class AuditorLeaves
{
    public static byte[] Of(HistoryEvent e) => CanonicalEvent.LeafHash(new RecordedEvent(
        Guid.Parse(e.EventId),
        e.Type,
        StreamName.Parse(e.Stream),
        e.Revision,
        new Position(e.Position),
        e.RecordedAt.ToDateTimeOffset(),
        e.Data,
        new EventMetadata(e.RecordedBy, e.CorrelationId, e.CausationId.Length == 0 ? null : e.CausationId, e.SchemaVersion, e.RequestFingerprint.Length == 0 ? null : e.RequestFingerprint)));
}
