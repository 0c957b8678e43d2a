using EventDialogue.Domain.Common;
using EventDialogue.EventStore;

namespace EventDialogue.Server.Recording;

/// <summary>
/// A stream read back for a decision: its state (the decider's fold of its history, so corrections and retractions
/// count), its revision, and the result of an earlier attempt of this request, if there was one.
/// </summary>
public sealed record StreamHistory(object State, long? Revision, Recorded? EarlierResult)
{
    public static async Task<StreamHistory> LoadAsync(IEventStore store, StreamName stream, IDecider decider, string requestId, CancellationToken cancellationToken)
    {
        var history = new List<IDomainEvent>();
        long? revision = null;
        var firstId = RequestEventIds.For(requestId, 0);
        RecordedEvent? earlierFirst = null;
        RecordedEvent? earlierLast = null;
        var earlierCount = 0;
        try
        {
            await foreach (var recorded in store.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.Start, int.MaxValue, cancellationToken))
            {
                history.Add(DomainEventJson.Deserialize(recorded.Type, recorded.Data, recorded.Metadata.SchemaVersion));
                revision = recorded.Revision;
                if (recorded.EventId == firstId)
                {
                    earlierFirst = recorded;
                }

                if (earlierFirst is not null && recorded.EventId == RequestEventIds.For(requestId, earlierCount))
                {
                    earlierLast = recorded;
                    earlierCount++;
                }
            }
        }
        catch (StreamNotFoundException)
        {
            // a new stream: the initial state
        }

        var earlier = earlierLast is null ? null : new Recorded(stream.Value, earlierLast.Revision, earlierLast.Position.Value, earlierCount, Replayed: true);
        return new StreamHistory(decider.Fold(history), revision, earlier);
    }
}
