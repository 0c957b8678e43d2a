using System.Text.Json;
using EventDialogue.Api.V1;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.EventStore;
using EventDialogue.EventStore.Integrity;
using EventDialogue.Server.Api.Views.Common;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace EventDialogue.Server.Api.History;

internal static class HistoryEventMappings
{
    /// <summary>
    /// The event as stored, with its citation and (for an amendment) its target lifted out of the data. The data is read
    /// as the projections read it (upcast by its schema version); an event whose data cannot be read as a domain event
    /// is still shown as stored, with nothing lifted, since a history that hides what it cannot read is no history.
    /// Its leaf hash is recomputed from the event as read, so that an edited row shows a hash no signed tree holds.
    /// </summary>
    public static HistoryEvent ToHistoryEvent(this RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var metadata = recorded.Metadata;
        var history = new HistoryEvent
        {
            Position = recorded.Position.Value,
            Stream = recorded.Stream.Value,
            Revision = recorded.Revision,
            EventId = recorded.EventId.ToString(),
            Type = recorded.Type,
            RecordedAt = Timestamp.FromDateTimeOffset(recorded.RecordedAt),
            RecordedBy = metadata.RecordedBy,
            CorrelationId = metadata.CorrelationId,
            CausationId = metadata.CausationId ?? string.Empty,
            SchemaVersion = metadata.SchemaVersion,
            Data = recorded.Data,
            RequestFingerprint = metadata.RequestFingerprint ?? string.Empty,
            LeafHash = ByteString.CopyFrom(CanonicalEvent.LeafHash(recorded)),
        };

        var fact = ReadFact(recorded);
        if (fact is ICitingFact { Source: { } source })
        {
            history.Source = source.ToApi();
        }

        history.Amends = fact switch
        {
            EntryCorrected c => new Amendment { TargetRevision = c.TargetRevision, TargetType = c.TargetType, Reason = c.Reason },
            EntryRetracted r => new Amendment { TargetRevision = r.TargetRevision, TargetType = r.TargetType, Reason = r.Reason, Retracted = true },
            _ => null,
        };
        return history;
    }

    /// <summary>
    /// The event as the caller may see it: whole, or (redacted) a placeholder at its position with its leaf hash and
    /// nothing else, so that a replay of the whole log still folds to the signed root without learning what it was.
    /// </summary>
    public static HistoryEvent ToHistoryEvent(this RecordedEvent recorded, bool redacted)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return redacted
            ? new HistoryEvent { Position = recorded.Position.Value, LeafHash = ByteString.CopyFrom(CanonicalEvent.LeafHash(recorded)), Redacted = true }
            : recorded.ToHistoryEvent();
    }

    internal static IDomainEvent? ReadFact(RecordedEvent recorded)
    {
        try
        {
            return DomainEventJson.Deserialize(recorded.Type, recorded.Data, recorded.Metadata.SchemaVersion);
        }
        catch (Exception e) when (e is UnknownEventTypeException or JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
