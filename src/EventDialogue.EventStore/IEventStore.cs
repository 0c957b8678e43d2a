namespace EventDialogue.EventStore;

/// <summary>
/// The event-store port, shaped after EventStoreDB so that a backend on it stays a drop-in:
/// streams with revisions, optimistic concurrency, idempotent appends by event id, a global log ($all)
/// that a follower reads without ever skipping an event, and catch-up subscriptions.
/// </summary>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>
    /// Appends the events atomically, or nothing. Re-sending event ids already appended to this stream
    /// (a retry) returns the first result and writes nothing, whatever the expected revision.
    /// </summary>
    /// <exception cref="WrongExpectedRevisionException">The stream is not in the expected state.</exception>
    /// <exception cref="DuplicateEventIdException">An id is taken by a different write.</exception>
    /// <exception cref="InvalidStoreRequestException">The request is malformed.</exception>
    Task<AppendResult> AppendToStreamAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends to several streams in one transaction, in order, all or nothing: each part is decided as a lone append
    /// would be after the parts before it (a stream written by an earlier part is at the revision it left), so two parts
    /// may write the same stream one after the other. A part that repeats an append already stored (a retry) gets its
    /// first result and writes nothing; if any part is refused, nothing of the call is written. The events get
    /// contiguous positions in the parts' order, and the log's tree grows by them in the same transaction.
    /// </summary>
    /// <returns>Each part's result, in the parts' order.</returns>
    /// <exception cref="WrongExpectedRevisionException">A part's stream is not in its expected state.</exception>
    /// <exception cref="DuplicateEventIdException">An id of a part is taken by a different write.</exception>
    /// <exception cref="InvalidStoreRequestException">The request is malformed (the field names the part: appends[i]).</exception>
    Task<IReadOnlyList<AppendResult>> AppendToStreamsAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default);

    /// <summary>Reads up to <paramref name="maxCount"/> events of one stream from a revision (inclusive).</summary>
    /// <exception cref="StreamNotFoundException">The stream has no events.</exception>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, Direction direction, StreamRevision from, int maxCount = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>
    /// The event stored with this id, or null. Ids are unique across the store, so a request id (from which event ids
    /// are derived) is found this way, whichever stream its events went to.
    /// </summary>
    Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken cancellationToken = default);

    /// <summary>The stream's last revision, or null when it does not exist.</summary>
    Task<long?> GetStreamRevisionAsync(StreamName stream, CancellationToken cancellationToken = default);

    /// <summary>
    /// The events stored with any of these ids, in one read: those found, in position order; an id stored nowhere is
    /// simply absent (see <see cref="ReadEventAsync"/>).
    /// </summary>
    Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// The last revision of each of these streams that exists, in one read; a stream that does not exist is absent, so
    /// a caller knows at once which of the streams it names are new and which it must read.
    /// </summary>
    Task<IReadOnlyDictionary<StreamName, long>> GetStreamRevisionsAsync(IReadOnlyCollection<StreamName> streams, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="GetStreamRevisionsAsync"/> then <see cref="ReadEventsAsync"/>, in one call: what deciding a request or a
    /// batch of them reads before anything else (which of the streams it writes or names exist, and whether its request
    /// id was recorded). A database server gets both at once (on PostgreSQL one round trip while each list fits one
    /// statement). The revisions are read first, so that an id not found was not stored before them: a request stored
    /// meanwhile by another process meets a conflict at its append and is looked up again, not decided again.
    /// </summary>
    Task<StoreLookup> LookUpAsync(IReadOnlyCollection<Guid> eventIds, IReadOnlyCollection<StreamName> streams, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads $all forwards, in position order, the events after <paramref name="after"/> that match the filter.
    /// Only events that can no longer be preceded by a later commit are returned, so a reader that
    /// continues from the last position it saw never skips one.
    /// </summary>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(Position after, AllFilter filter, int maxCount = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads $all backwards, newest first, the events before <paramref name="before"/> (exclusive; <see cref="Position.End"/>
    /// for the newest) that match the filter. Only events a forwards reader could already see are returned, so reading
    /// backwards never shows an event that a follower has not been given yet.
    /// </summary>
    IAsyncEnumerable<RecordedEvent> ReadAllBackwardsAsync(Position before, AllFilter filter, int maxCount = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>The position of the last event a reader of $all can see now, or <see cref="Position.Start"/> when empty.</summary>
    Task<Position> ReadHeadPositionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Catches up from the checkpoint (exclusive), then follows new events live, with no gap and no
    /// duplicate at the switch. Ends only when cancelled.
    /// </summary>
    IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(Position after, AllFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="SubscribeToAllAsync"/>, and after each read of the log also says how far it has read and where the
    /// head stood (<see cref="Subscriptions.LogRead"/>): so that a follower knows when it has caught up, how far behind
    /// it is, and its place while its filter matches nothing.
    /// </summary>
    IAsyncEnumerable<Subscriptions.FollowStep> FollowAllAsync(Position after, AllFilter filter, CancellationToken cancellationToken = default);
}
