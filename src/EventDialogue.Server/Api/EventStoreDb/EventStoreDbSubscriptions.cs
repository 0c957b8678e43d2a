using System.Runtime.CompilerServices;
using EventDialogue.EventStore;
using EventDialogue.Server.Access;
using Mediator;

namespace EventDialogue.Server.Api.EventStoreDb;

/// <summary>
/// EventStoreDB's catch-up subscriptions over our store: a confirmation first, the history after the start read in
/// pages, caught-up, then live events from the store's own subscription to $all, continued from the last event looked
/// at, so nothing is skipped or given twice at the switch. An event the caller is not cleared for is not given, as in
/// <see cref="EventStoreDbReads"/>.
/// </summary>
public sealed class EventStoreDbSubscriptions(IEventStore store, ConfidentialEvents confidential)
    : IStreamQueryHandler<SubscribeToEventStoreDbAllQuery, ReadItem>, IStreamQueryHandler<SubscribeToEventStoreDbStreamQuery, ReadItem>
{
    public async IAsyncEnumerable<ReadItem> Handle(SubscribeToEventStoreDbAllQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        yield return new ReadItem.Confirmation(Guid.NewGuid().ToString());
        var after = query.From.AtEnd ? await store.ReadHeadPositionAsync(cancellationToken) : new Position(query.From.Position);
        var looked = 0L;
        var sinceCheckpoint = false;

        while (true)
        {
            var page = await store.ReadAllAsync(after, AllFilter.None, EventStoreDbReads.PageSize, cancellationToken).ToListAsync(cancellationToken);
            foreach (var recorded in page)
            {
                after = recorded.Position;
                foreach (var item in Look(recorded, await confidential.HiddenAsync(recorded, cancellationToken)))
                {
                    yield return item;
                }
            }

            if (page.Count < EventStoreDbReads.PageSize)
            {
                break;
            }
        }

        // A filtered follower learns how far it has looked before it waits, even when nothing passed the filter.
        if (query.Filter is not null && sinceCheckpoint)
        {
            yield return new ReadItem.Checkpoint(after);
            sinceCheckpoint = false;
        }

        yield return new ReadItem.CaughtUp();
        await foreach (var recorded in store.SubscribeToAllAsync(after, AllFilter.None, cancellationToken))
        {
            foreach (var item in Look(recorded, await confidential.HiddenAsync(recorded, cancellationToken)))
            {
                yield return item;
            }
        }

        IEnumerable<ReadItem> Look(RecordedEvent recorded, bool hidden)
        {
            if (!hidden && (query.Filter?.Matches(recorded) ?? true))
            {
                yield return new ReadItem.Recorded(recorded);
            }

            sinceCheckpoint = true;
            if (query.Filter is not null && ++looked % query.CheckpointEvery == 0)
            {
                sinceCheckpoint = false;
                yield return new ReadItem.Checkpoint(recorded.Position);
            }
        }
    }

    public async IAsyncEnumerable<ReadItem> Handle(SubscribeToEventStoreDbStreamQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        yield return new ReadItem.Confirmation(Guid.NewGuid().ToString());
        if (query.Stream is not { } stream)
        {
            // A name our store cannot hold never gets an event: the follower waits, as on a stream not written yet.
            yield return new ReadItem.CaughtUp();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield break;
        }

        // Read before the stream: whatever the stream gains after its catch-up read lies after this position.
        var head = await store.ReadHeadPositionAsync(cancellationToken);
        var current = await store.GetStreamRevisionAsync(stream, cancellationToken);
        var last = query.From.AtStart ? -1 : query.From.AtEnd ? current ?? -1 : query.From.Revision;

        while (current is not null && last < current)
        {
            var page = await store.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.At(last + 1), EventStoreDbReads.PageSize, cancellationToken).ToListAsync(cancellationToken);
            foreach (var recorded in page)
            {
                last = recorded.Revision;
                if (!await confidential.HiddenAsync(recorded, cancellationToken))
                {
                    yield return new ReadItem.Recorded(recorded);
                }
            }

            if (page.Count < EventStoreDbReads.PageSize)
            {
                break;
            }
        }

        yield return new ReadItem.CaughtUp();

        // The live part may meet events the catch-up read already gave: their revisions tell them apart.
        await foreach (var recorded in store.SubscribeToAllAsync(head, AllFilter.ByStream(stream.Value), cancellationToken))
        {
            if (recorded.Stream == stream && recorded.Revision > last)
            {
                last = recorded.Revision;
                if (!await confidential.HiddenAsync(recorded, cancellationToken))
                {
                    yield return new ReadItem.Recorded(recorded);
                }
            }
        }
    }
}
