using System.Data.Common;
using System.Runtime.CompilerServices;

namespace EventDialogue.EventStore.Relational;

/// <summary>
/// Reading the log from a table of events, the same on every SQL backend: a stream in revision order, events by their
/// ids, streams' revisions, <c>$all</c> forwards in chunks and backwards in pages, and the head. A backend gives its
/// reading connections, its SQL and how it reads a row; when a stream is missing, how chunks join and when a read ends
/// are decided here, once.
/// </summary>
/// <remarks>
/// Every chunk and page is read whole, and its statement and connection finished, before its events are handed out: a
/// consumer that works on each event (a projection committing views, a client replaying the log over the network)
/// holds no connection and no open statement meanwhile, and a reader holds at most a chunk however long the log. Each
/// backend's <c>$all</c> SQL shows only positions that no later commit can precede, so a chunk read from a newer
/// snapshot is exactly what follows the last one.
/// </remarks>
public abstract class RelationalEventReads
{
    /// <summary>Ids or streams looked up per statement, and events per page of a backwards read of <c>$all</c>.</summary>
    public const int ChunkSize = 500;

    /// <summary>
    /// Events read forwards from <c>$all</c> per statement: as many as the projections' catching up asks for at once
    /// (<c>SharedLogReader.PageSize</c>), so that each of their pages is one statement; on PostgreSQL each statement
    /// also costs a round trip and the start of an index scan, which made a read in chunks of 500 take 1.8–2.1x a plain
    /// scan against 1.5x in chunks of 1,000 (docs/benchmarks.md). Few enough to hold in memory.
    /// </summary>
    public const int AllChunkSize = 1000;

    /// <summary>A connection of the store's own for reading, open.</summary>
    protected abstract Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxCount"/> events of a stream from a revision on, in the direction's order.</summary>
    protected abstract DbCommand ReadStreamCommand(DbConnection connection, StreamName stream, Direction direction, StreamRevision from, int maxCount);

    /// <summary>The event with this id, if stored.</summary>
    protected abstract DbCommand ReadEventCommand(DbConnection connection, Guid eventId);

    /// <summary>One value: the stream's last revision, or null when it has no events.</summary>
    protected abstract DbCommand StreamRevisionCommand(DbConnection connection, StreamName stream);

    /// <summary>The events stored with any of these ids (at most <see cref="ChunkSize"/> of them), in any order.</summary>
    protected abstract DbCommand ReadEventsCommand(DbConnection connection, IReadOnlyList<Guid> eventIds);

    /// <summary>
    /// Rows of a stream's name and its last revision, for those of these streams (at most <see cref="ChunkSize"/>) that
    /// have events.
    /// </summary>
    protected abstract DbCommand StreamRevisionsCommand(DbConnection connection, IReadOnlyList<StreamName> streams);

    /// <summary>Up to <paramref name="count"/> events after a position that the filter matches, in position order.</summary>
    protected abstract DbCommand ReadAllCommand(DbConnection connection, Position after, AllFilter filter, int count);

    /// <summary>Up to <paramref name="count"/> events before a position, newest first, unfiltered.</summary>
    protected abstract DbCommand ReadAllBackwardsCommand(DbConnection connection, Position before, int count);

    /// <summary>One value: the position of the last event a forwards reader can see, or null (or 0) when none.</summary>
    protected abstract DbCommand ReadHeadCommand(DbConnection connection);

    /// <summary>The event in the reader's current row, selected as the backend's read commands select it.</summary>
    protected abstract RecordedEvent ReadRow(DbDataReader reader);

    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, Direction direction, StreamRevision from, int maxCount, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ReadValidation.RequirePositiveCount(maxCount);
        var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var any = false;
            var command = ReadStreamCommand(connection, stream, direction, from, maxCount);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        any = true;
                        yield return ReadRow(reader);
                    }
                }
            }

            // an empty read of a stream that exists is an answer; of one that does not, an error the caller can tell apart
            if (!any && await RevisionOfAsync(connection, stream, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new StreamNotFoundException(stream);
            }
        }
    }

    public async Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var events = await ReadRowsAsync(ReadEventCommand(connection, eventId), 1, cancellationToken).ConfigureAwait(false);
            return events.Count > 0 ? events[0] : null;
        }
    }

    public async Task<long?> GetStreamRevisionAsync(StreamName stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await RevisionOfAsync(connection, stream, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        return (await LookUpAsync(eventIds, [], cancellationToken).ConfigureAwait(false)).Events;
    }

    public async Task<IReadOnlyDictionary<StreamName, long>> GetStreamRevisionsAsync(IReadOnlyCollection<StreamName> streams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        return (await LookUpAsync([], streams, cancellationToken).ConfigureAwait(false)).Revisions;
    }

    /// <summary>
    /// Both reads on one connection, the revisions first (see <see cref="IEventStore.LookUpAsync"/>), a statement per
    /// chunk of each; a backend that can send them together overrides this.
    /// </summary>
    public virtual async Task<StoreLookup> LookUpAsync(IReadOnlyCollection<Guid> eventIds, IReadOnlyCollection<StreamName> streams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(streams);
        var found = new List<RecordedEvent>();
        var revisions = new Dictionary<StreamName, long>();
        if (eventIds.Count == 0 && streams.Count == 0)
        {
            return new StoreLookup(found, revisions);
        }

        var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            foreach (var chunk in streams.Distinct().Chunk(ChunkSize))
            {
                var command = StreamRevisionsCommand(connection, chunk);
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        await ReadRevisionsAsync(reader, revisions, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            foreach (var chunk in eventIds.Distinct().Chunk(ChunkSize))
            {
                found.AddRange(await ReadRowsAsync(ReadEventsCommand(connection, chunk), chunk.Length, cancellationToken).ConfigureAwait(false));
            }
        }

        return InPositionOrder(found, revisions);
    }

    /// <summary>The lookup's answer, with <paramref name="events"/> sorted in place into position order.</summary>
    protected static StoreLookup InPositionOrder(List<RecordedEvent> events, Dictionary<StreamName, long> revisions)
    {
        ArgumentNullException.ThrowIfNull(events);
        events.Sort((a, b) => a.Position.Value.CompareTo(b.Position.Value));
        return new StoreLookup(events, revisions);
    }

    /// <summary>Reads the rows of the reader's current result, events as <see cref="ReadRow"/> makes them, into <paramref name="events"/>.</summary>
    protected async Task ReadRowsAsync(DbDataReader reader, List<RecordedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(events);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(ReadRow(reader));
        }
    }

    /// <summary>Reads the rows of a <see cref="StreamRevisionsCommand"/> into <paramref name="revisions"/>.</summary>
    protected static async Task ReadRevisionsAsync(DbDataReader reader, Dictionary<StreamName, long> revisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(revisions);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            revisions[StreamName.FromStorage(reader.GetString(0))] = reader.GetInt64(1);
        }
    }

    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(Position after, AllFilter filter, int maxCount, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ReadValidation.RequirePositiveCount(maxCount);
        var left = maxCount;
        while (left > 0)
        {
            var count = Math.Min(left, AllChunkSize);
            var chunk = await ReadChunkAsync(connection => ReadAllCommand(connection, after, filter, count), count, cancellationToken).ConfigureAwait(false);
            foreach (var recorded in chunk)
            {
                yield return recorded;
            }

            if (chunk.Count < count)
            {
                yield break;
            }

            left -= chunk.Count;
            after = chunk[^1].Position;
        }
    }

    /// <remarks>
    /// Pages are read unfiltered and filtered here as <see cref="AllFilter.Matches"/> says, so a backwards read follows
    /// whatever a filter can express; a narrow filter scans the log, which suits an occasional look at the newest events.
    /// </remarks>
    public async IAsyncEnumerable<RecordedEvent> ReadAllBackwardsAsync(Position before, AllFilter filter, int maxCount, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ReadValidation.RequirePositiveCount(maxCount);
        var left = maxCount;
        while (left > 0)
        {
            var page = await ReadChunkAsync(connection => ReadAllBackwardsCommand(connection, before, ChunkSize), ChunkSize, cancellationToken).ConfigureAwait(false);
            foreach (var recorded in page.Where(filter.Matches).Take(left))
            {
                left--;
                yield return recorded;
            }

            if (page.Count < ChunkSize)
            {
                yield break;
            }

            before = page[^1].Position;
        }
    }

    public async Task<Position> ReadHeadPositionAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = ReadHeadCommand(connection);
            await using (command.ConfigureAwait(false))
            {
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long position ? new Position(position) : Position.Start;
            }
        }
    }

    private async Task<long?> RevisionOfAsync(DbConnection connection, StreamName stream, CancellationToken cancellationToken)
    {
        var command = StreamRevisionCommand(connection, stream);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long revision ? revision : null;
        }
    }

    private async Task<List<RecordedEvent>> ReadChunkAsync(Func<DbConnection, DbCommand> commandOn, int count, CancellationToken cancellationToken)
    {
        var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadRowsAsync(commandOn(connection), count, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<RecordedEvent>> ReadRowsAsync(DbCommand command, int expected, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            var events = new List<RecordedEvent>(expected);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await ReadRowsAsync(reader, events, cancellationToken).ConfigureAwait(false);
            }

            return events;
        }
    }
}
