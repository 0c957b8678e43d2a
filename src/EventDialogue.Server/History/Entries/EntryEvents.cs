using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Server.Access;

namespace EventDialogue.Server.History.Entries;

/// <summary>Reading one stream as it stood at a past point, and its events as the projections read them.</summary>
public static class EntryEvents
{
    /// <summary>
    /// The stream's events in the record at that point, in revision order, without those the caller is not cleared to
    /// see; NOT_FOUND when the stream does not exist at all.
    /// </summary>
    public static async Task<List<RecordedEvent>> ReadAsync(IEventStore store, StreamName stream, AsOfPoint point, ConfidentialEvents confidential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(confidential);
        confidential.RequireVisible(stream);
        var events = new List<RecordedEvent>();
        await foreach (var recorded in store.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.Start, int.MaxValue, cancellationToken))
        {
            if (point.Includes(recorded) && !await confidential.HiddenAsync(recorded, cancellationToken))
            {
                events.Add(recorded);
            }
        }

        return events;
    }

    /// <summary>
    /// The events of the entity <paramref name="stream"/> belongs to, in the record at that point, in the order recorded:
    /// its own stream's and, for a caller cleared for them, its companion's (its facts in confidence); each marked with
    /// whether it is in the companion. NOT_FOUND when the entity's own stream does not exist, or the caller asks for a
    /// companion it is not cleared for.
    /// </summary>
    public static async Task<List<(RecordedEvent Event, bool InCompanion)>> ReadEntityAsync(
        IEventStore store, StreamName stream, AsOfPoint point, ConfidentialEvents confidential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(confidential);
        confidential.RequireVisible(stream);
        var home = StreamName.FromStorage(Streams.HomeOf(stream.Value));
        var own = (await ReadAsync(store, home, point, confidential, cancellationToken)).Select(e => (e, false));
        if (!confidential.CallerSeesAll || !Streams.HasConfidentialCompanion(home.Value))
        {
            return [.. own];
        }

        var companion = StreamName.FromStorage(Streams.ConfidentialCompanion(home.Value));
        List<RecordedEvent> kept;
        try
        {
            kept = await ReadAsync(store, companion, point, confidential, cancellationToken);
        }
        catch (StreamNotFoundException)
        {
            kept = []; // nothing of the case was ever recorded in confidence
        }

        return [.. own.Concat(kept.Select(e => (e, true))).OrderBy(e => e.Item1.Position.Value)];
    }

    /// <summary>The event's domain fact, read (and upcast) exactly as the projections read it.</summary>
    public static IDomainEvent Fact(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return DomainEventJson.Deserialize(recorded.Type, recorded.Data, recorded.Metadata.SchemaVersion);
    }

    /// <summary>The later of two events in the log.</summary>
    public static RecordedEvent Later(RecordedEvent? one, RecordedEvent other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return one is null || other.Position > one.Position ? other : one;
    }
}
