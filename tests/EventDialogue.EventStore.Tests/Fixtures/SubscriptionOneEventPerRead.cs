using System.Runtime.CompilerServices;
using EventDialogue.EventStore.Subscriptions;

namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>
/// A real store whose live subscription hands its events over one at a time, each after a hop through the thread pool,
/// as a busy server's subscription does while appends keep coming: the follower often finds nothing at hand although
/// the log already holds more. Everything else is the store's own.
/// </summary>
public sealed class SubscriptionOneEventPerRead(IEventStore store) : IEventStore
{
    public async IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(Position after, AllFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var recorded in store.SubscribeToAllAsync(after, filter, cancellationToken))
        {
            await Task.Yield();
            yield return recorded;
        }
    }

    public Task<AppendResult> AppendToStreamAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default) =>
        store.AppendToStreamAsync(stream, expected, events, cancellationToken);

    public Task<IReadOnlyList<AppendResult>> AppendToStreamsAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default) =>
        store.AppendToStreamsAsync(appends, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, Direction direction, StreamRevision from, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        store.ReadStreamAsync(stream, direction, from, maxCount, cancellationToken);

    public Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken cancellationToken = default) => store.ReadEventAsync(eventId, cancellationToken);

    public Task<long?> GetStreamRevisionAsync(StreamName stream, CancellationToken cancellationToken = default) => store.GetStreamRevisionAsync(stream, cancellationToken);

    public Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken = default) =>
        store.ReadEventsAsync(eventIds, cancellationToken);

    public Task<IReadOnlyDictionary<StreamName, long>> GetStreamRevisionsAsync(IReadOnlyCollection<StreamName> streams, CancellationToken cancellationToken = default) =>
        store.GetStreamRevisionsAsync(streams, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(Position after, AllFilter filter, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        store.ReadAllAsync(after, filter, maxCount, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadAllBackwardsAsync(Position before, AllFilter filter, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        store.ReadAllBackwardsAsync(before, filter, maxCount, cancellationToken);

    public Task<Position> ReadHeadPositionAsync(CancellationToken cancellationToken = default) => store.ReadHeadPositionAsync(cancellationToken);

    public IAsyncEnumerable<FollowStep> FollowAllAsync(Position after, AllFilter filter, CancellationToken cancellationToken = default) =>
        store.FollowAllAsync(after, filter, cancellationToken);

    /// <summary>The store is the test's to dispose.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
