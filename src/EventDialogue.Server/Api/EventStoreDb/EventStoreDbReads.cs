using System.Runtime.CompilerServices;
using EventDialogue.EventStore;
using EventDialogue.Server.Access;
using Mediator;

namespace EventDialogue.Server.Api.EventStoreDb;

/// <summary>
/// EventStoreDB's reads (not subscriptions) over our store. $all is read in pages and filtered here, so that no read of
/// the store stays open while a slow client takes its events. An event the caller is not cleared for is left out here,
/// before it is counted: a client asking for n events gets n while there are n it may see, and does not take a short
/// page for the end of the stream.
/// </summary>
public sealed class EventStoreDbReads(IEventStore store, ConfidentialEvents confidential)
    : IStreamQueryHandler<ReadEventStoreDbStreamQuery, ReadItem>, IStreamQueryHandler<ReadEventStoreDbAllQuery, ReadItem>
{
    public const int PageSize = 500;

    public async IAsyncEnumerable<ReadItem> Handle(ReadEventStoreDbStreamQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        // Streams are never deleted here, so a stream seen to exist still does when it is read.
        if (query.Stream is null || confidential.StreamHidden(query.Stream) || await store.GetStreamRevisionAsync(query.Stream, cancellationToken) is null)
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

        // Uncleared, the read goes on past hidden events until it has as many as were asked for.
        var left = query.Count;
        var toRead = confidential.CallerSeesAll ? CountOf(query.Count) : int.MaxValue;
        await foreach (var recorded in store.ReadStreamAsync(query.Stream, query.Direction, from.Value, toRead, cancellationToken))
        {
            if (await confidential.HiddenAsync(recorded, cancellationToken))
            {
                continue;
            }

            yield return new ReadItem.Recorded(recorded);
            if (--left == 0)
            {
                yield break;
            }
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
                if ((query.Filter?.Matches(recorded) ?? true) && !await confidential.HiddenAsync(recorded, cancellationToken))
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
            if ((query.Filter?.Matches(recorded) ?? true) && !await confidential.HiddenAsync(recorded, cancellationToken))
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
