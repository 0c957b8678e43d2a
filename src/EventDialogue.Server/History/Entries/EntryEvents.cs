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
