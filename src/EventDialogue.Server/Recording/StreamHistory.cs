using EventDialogue.Domain.Common;
using EventDialogue.EventStore;

namespace EventDialogue.Server.Recording;

/// <summary>
/// A stream read back for a decision: its state (the decider's fold of its history, so corrections and retractions
/// count) and its revision.
/// </summary>
public sealed record StreamHistory(object State, long? Revision)
{
    public static async Task<StreamHistory> LoadAsync(IEventStore store, StreamName stream, IDecider decider, CancellationToken cancellationToken)
    {
        var history = new List<IDomainEvent>();
        long? revision = null;
        try
        {
            await foreach (var recorded in store.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.Start, int.MaxValue, cancellationToken))
            {
                history.Add(DomainEventJson.Deserialize(recorded.Type, recorded.Data, recorded.Metadata.SchemaVersion));
                revision = recorded.Revision;
            }
        }
        catch (StreamNotFoundException)
        {
            // a new stream: the initial state
        }

        return new StreamHistory(decider.Fold(history), revision);
    }
}
