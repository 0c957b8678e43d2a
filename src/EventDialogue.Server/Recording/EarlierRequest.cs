using EventDialogue.EventStore;

namespace EventDialogue.Server.Recording;

/// <summary>What the store already holds under a request id: nothing, a retry's first result, or a different request.</summary>
public static class EarlierRequest
{
    /// <param name="lookup">The store's lookup of the request's first event id (<see cref="RequestEventIds.For"/> with 0).</param>
    /// <param name="streams">The streams the request may have written to: its entity's own, and its companion for facts in confidence if it has one.</param>
    /// <returns>The first result when this request was recorded before; null when the request id is new.</returns>
    /// <exception cref="RequestIdReusedException">The request id names a different request.</exception>
    public static async Task<Recorded?> FindAsync(IEventStore store, StoreLookup lookup, string requestId, IReadOnlyCollection<StreamName> streams, string fingerprint, CancellationToken cancellationToken)
    {
        var firstEventId = RequestEventIds.For(requestId, 0);
        if (lookup.Events.FirstOrDefault(e => e.EventId == firstEventId) is not { } first)
        {
            return null;
        }

        // Events recorded before fingerprints were kept carry none: for them the stream is all that can be compared.
        if (!streams.Contains(first.Stream) || (first.Metadata.RequestFingerprint is { } earlier && earlier != fingerprint))
        {
            throw new RequestIdReusedException(requestId, first.Stream, first.Position);
        }

        var stream = first.Stream;

        // the request's events are consecutive in its stream, with ids derived from the request id in order
        var last = first;
        var count = 0;
        await foreach (var recorded in store.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.At(first.Revision), StoreLimits.MaxEventsPerAppend, cancellationToken))
        {
            if (recorded.EventId != RequestEventIds.For(requestId, count))
            {
                break;
            }

            last = recorded;
            count++;
        }

        return new Recorded(stream.Value, last.Revision, last.Position.Value, count, Replayed: true);
    }
}
