using System.Runtime.CompilerServices;

namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>
/// A real store whose live subscription hands its events over one at a time, each after a hop through the thread pool,
/// as a busy server's subscription does while appends keep coming: the follower often finds nothing at hand although
/// the log already holds more. Everything else is the store's own.
/// </summary>
public sealed class SubscriptionOneEventPerRead(IEventStore store) : StoreWrapper(store)
{
    public override async IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(Position after, AllFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var recorded in Store.SubscribeToAllAsync(after, filter, cancellationToken))
        {
            await Task.Yield();
            yield return recorded;
        }
    }
}
