using System.Runtime.CompilerServices;
using EventDialogue.EventStore;
using Mediator;

namespace EventDialogue.Server.Api.EventStoreDb;

/// <summary>
/// EventStoreDB's reads (not subscriptions) over our store. $all is read in pages and filtered here, so that no read of
/// the store stays open while a slow client takes its events.
/// </summary>
public sealed class EventStoreDbReads(IEventStore store)
    : IStreamQueryHandler<ReadEventStoreDbStreamQuery, ReadItem>, IStreamQueryHandler<ReadEventStoreDbAllQuery, ReadItem>
{
    public const int PageSize = 500;

    public async IAsyncEnumerable<ReadItem> Handle(ReadEventStoreDbStreamQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        // Streams are never deleted here, so a stream seen to exist still does when it is read.
        if (query.Stream is null || await store.GetStreamRevisionAsync(query.Stream, cancellationToken) is null)
        {
            yield return new ReadItem.StreamNotFound(query.Name);
            yield break;
        }

        if (query.Count == 0)
        {
            yield break;
        }

        var from = query.From.AtEnd
            ? (query.Direction == Direction.Forwards ? (StreamRevision?)null : StreamRevision.End)
            : StreamRevision.At(query.From.Revision);
        if (from is null)
        {
            yield break;
        }

        await foreach (var recorded in store.ReadStreamAsync(query.Stream, query.Direction, from.Value, CountOf(query.Count), cancellationToken))
        {
            yield return new ReadItem.Recorded(recorded);
        }
    }

    public IAsyncEnumerable<ReadItem> Handle(ReadEventStoreDbAllQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Direction == Direction.Forwards ? ForwardsAsync(query, cancellationToken) : BackwardsAsync(query, cancellationToken);
    }

    // Forwards from a position includes the event at it, as in EventStoreDB; from the end there is nothing yet.
    private async IAsyncEnumerable<ReadItem> ForwardsAsync(ReadEventStoreDbAllQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (query.From.AtEnd)
        {
            yield break;
        }

        var after = new Position(Math.Max(0, query.From.Position - 1));
        var left = query.Count;
        while (left > 0)
        {
            var page = await store.ReadAllAsync(after, AllFilter.None, PageSize, cancellationToken).ToListAsync(cancellationToken);
            foreach (var recorded in page)
            {
                after = recorded.Position;
                if (query.Filter?.Matches(recorded) ?? true)
                {
                    yield return new ReadItem.Recorded(recorded);
                    if (--left == 0)
                    {
                        yield break;
                    }
                }
            }

            if (page.Count < PageSize)
            {
                yield break;
            }
        }
    }

    // Backwards from a position gives the events before it, as in EventStoreDB; from the start there are none.
    private async IAsyncEnumerable<ReadItem> BackwardsAsync(ReadEventStoreDbAllQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var before = query.From.AtEnd ? Position.End : new Position(query.From.Position);
        if (query.Count == 0 || before == Position.Start)
        {
            yield break;
        }

        var left = query.Count;
        await foreach (var recorded in store.ReadAllBackwardsAsync(before, AllFilter.None, int.MaxValue, cancellationToken))
        {
            if (query.Filter?.Matches(recorded) ?? true)
            {
                yield return new ReadItem.Recorded(recorded);
                if (--left == 0)
                {
                    yield break;
                }
            }
        }
    }

    private static int CountOf(long count) => (int)Math.Min(count, int.MaxValue);
}
