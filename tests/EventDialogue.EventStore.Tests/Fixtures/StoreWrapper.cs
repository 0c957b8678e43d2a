using EventDialogue.EventStore.Subscriptions;

namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>
/// A real store seen through a wrapper that changes or watches one of its calls; every call it does not override is the
/// store's own. The store is the test's to dispose.
/// </summary>
public abstract class StoreWrapper(IEventStore store) : IEventStore
{
    protected IEventStore Store => store;

    public virtual IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(Position after, AllFilter filter, CancellationToken cancellationToken = default) =>
        store.SubscribeToAllAsync(after, filter, cancellationToken);

    public virtual IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, Direction direction, StreamRevision from, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        store.ReadStreamAsync(stream, direction, from, maxCount, cancellationToken);

    public Task<AppendResult> AppendToStreamAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default) =>
        store.AppendToStreamAsync(stream, expected, events, cancellationToken);

    public Task<IReadOnlyList<AppendResult>> AppendToStreamsAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default) =>
        store.AppendToStreamsAsync(appends, cancellationToken);

    public Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken cancellationToken = default) => store.ReadEventAsync(eventId, cancellationToken);

    public Task<long?> GetStreamRevisionAsync(StreamName stream, CancellationToken cancellationToken = default) => store.GetStreamRevisionAsync(stream, cancellationToken);

    public Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken = default) =>
        store.ReadEventsAsync(eventIds, cancellationToken);

    public Task<IReadOnlyDictionary<StreamName, long>> GetStreamRevisionsAsync(IReadOnlyCollection<StreamName> streams, CancellationToken cancellationToken = default) =>
        store.GetStreamRevisionsAsync(streams, cancellationToken);

    public Task<StoreLookup> LookUpAsync(IReadOnlyCollection<Guid> eventIds, IReadOnlyCollection<StreamName> streams, CancellationToken cancellationToken = default) =>
        store.LookUpAsync(eventIds, streams, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(Position after, AllFilter filter, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        store.ReadAllAsync(after, filter, maxCount, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadAllBackwardsAsync(Position before, AllFilter filter, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        store.ReadAllBackwardsAsync(before, filter, maxCount, cancellationToken);

    public Task<Position> ReadHeadPositionAsync(CancellationToken cancellationToken = default) => store.ReadHeadPositionAsync(cancellationToken);

    public IAsyncEnumerable<FollowStep> FollowAllAsync(Position after, AllFilter filter, CancellationToken cancellationToken = default) =>
        store.FollowAllAsync(after, filter, cancellationToken);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
