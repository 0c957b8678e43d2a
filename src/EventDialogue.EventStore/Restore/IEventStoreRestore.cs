namespace EventDialogue.EventStore.Restore;

/// <summary>
/// Restores an exported log into an empty store: the same streams, revisions, positions, event ids, recording times
/// and metadata. Apart from <see cref="IEventStore"/> because only a restore may choose positions and recording times.
/// </summary>
public interface IEventStoreRestore
{
    /// <summary>
    /// Stores the events, read as they arrive and written in batches, all in one transaction: every one of them, or
    /// none. After the commit, live subscribers are woken as by an append.
    /// </summary>
    /// <param name="events">The events in strictly increasing position order, each stream's revisions from 0 without gaps.</param>
    /// <param name="cancellationToken">Cancels the restore; nothing is stored.</param>
    /// <exception cref="StoreNotEmptyException">The store already holds events.</exception>
    /// <exception cref="InvalidStoreRequestException">An event is malformed or out of place: the first one found, by position and field.</exception>
    Task<RestoreResult> RestoreAsync(IAsyncEnumerable<RecordedEvent> events, CancellationToken cancellationToken = default);
}
