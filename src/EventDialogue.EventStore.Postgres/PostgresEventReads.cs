using System.Data.Common;
using EventDialogue.EventStore.Relational;
using Npgsql;

namespace EventDialogue.EventStore.Postgres;

/// <summary>The log's reads (<see cref="RelationalEventReads"/>) in one schema's SQL, on the store's read pool (<see cref="PostgresReadConnections"/>).</summary>
internal sealed class PostgresEventReads(NpgsqlDataSource dataSource, PostgresSchema schema) : RelationalEventReads
{
    private readonly string _readStreamForwards = $"SELECT {PostgresSchema.Columns} FROM {schema.Events} WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3";
    private readonly string _readStreamBackwards = $"SELECT {PostgresSchema.Columns} FROM {schema.Events} WHERE stream = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3";
    private readonly string _readEvent = $"SELECT {PostgresSchema.Columns} FROM {schema.Events} WHERE event_id = $1";
    private readonly string _streamRevision = $"SELECT max(revision) FROM {schema.Events} WHERE stream = $1";
    private readonly string _readEvents = $"SELECT {PostgresSchema.Columns} FROM {schema.Events} WHERE event_id = ANY($1)";
    private readonly string _streamRevisions = $"SELECT stream, max(revision) FROM {schema.Events} WHERE stream = ANY($1) GROUP BY stream";
    private readonly string _readHead = $"SELECT position FROM {schema.Events} ORDER BY position DESC LIMIT 1";
    private readonly string _readAllBackwards = $"SELECT {PostgresSchema.Columns} FROM {schema.Events} WHERE position < $1 ORDER BY position DESC LIMIT $2";

    protected override async Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override DbCommand ReadStreamCommand(DbConnection connection, StreamName stream, Direction direction, StreamRevision from, int maxCount) =>
        Command(connection, direction == Direction.Forwards ? _readStreamForwards : _readStreamBackwards, stream.Value, from.Value, (long)maxCount);

    protected override DbCommand ReadEventCommand(DbConnection connection, Guid eventId) => Command(connection, _readEvent, eventId);

    protected override DbCommand StreamRevisionCommand(DbConnection connection, StreamName stream) => Command(connection, _streamRevision, stream.Value);

    protected override DbCommand ReadEventsCommand(DbConnection connection, IReadOnlyList<Guid> eventIds) => Command(connection, _readEvents, (object)eventIds.ToArray());

    protected override DbCommand StreamRevisionsCommand(DbConnection connection, IReadOnlyList<StreamName> streams) =>
        Command(connection, _streamRevisions, (object)streams.Select(s => s.Value).ToArray()); // a string[] would otherwise be taken as the params array itself

    /// <remarks>
    /// The filter's kinds pushed down as <c>= ANY</c> on the indexed columns (category and type each lead an index with
    /// position; a stream's events are found by its (stream, revision) key).
    /// </remarks>
    protected override DbCommand ReadAllCommand(DbConnection connection, Position after, AllFilter filter, int count)
    {
        var command = Command(connection, "", after.Value, (long)count);
        var where = "position > $1";
        foreach (var (column, values) in new[] { ("category", filter.Categories), ("type", filter.EventTypes), ("stream", filter.Streams) })
        {
            if (values.Count > 0)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = values.ToArray() });
                where += $" AND {column} = ANY(${command.Parameters.Count})";
            }
        }

        command.CommandText = $"SELECT {PostgresSchema.Columns} FROM {schema.Events} WHERE {where} ORDER BY position LIMIT $2";
        return command;
    }

    protected override DbCommand ReadAllBackwardsCommand(DbConnection connection, Position before, int count) =>
        Command(connection, _readAllBackwards, before.Value, (long)count);

    protected override DbCommand ReadHeadCommand(DbConnection connection) => Command(connection, _readHead);

    protected override RecordedEvent ReadRow(DbDataReader reader) => PostgresEventReader.Read(reader);

    /// <remarks>
    /// When each list fits one statement, both statements go to the server in one batch: a request's lookup (its streams,
    /// its request id) costs one round trip, not two.
    /// </remarks>
    public override async Task<StoreLookup> LookUpAsync(IReadOnlyCollection<Guid> eventIds, IReadOnlyCollection<StreamName> streams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(streams);
        var ids = eventIds.Distinct().ToArray();
        var names = streams.Distinct().Select(s => s.Value).ToArray();
        if (ids.Length is 0 or > ChunkSize || names.Length is 0 or > ChunkSize)
        {
            return await base.LookUpAsync(eventIds, streams, cancellationToken).ConfigureAwait(false);
        }

        var connection = (NpgsqlConnection)await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var batch = new NpgsqlBatch(connection)
            {
                BatchCommands = { BatchCommand(_streamRevisions, names), BatchCommand(_readEvents, ids) },
            };
            await using (batch.ConfigureAwait(false))
            {
                var revisions = new Dictionary<StreamName, long>(names.Length);
                var found = new List<RecordedEvent>(ids.Length);
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await ReadRevisionsAsync(reader, revisions, cancellationToken).ConfigureAwait(false);
                    if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                    {
                        throw new InvalidOperationException("PostgreSQL answered the lookup's revisions but not its events");
                    }

                    await ReadRowsAsync(reader, found, cancellationToken).ConfigureAwait(false);
                }

                return InPositionOrder(found, revisions);
            }
        }
    }

    private static NpgsqlCommand Command(DbConnection connection, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, object value) => new(sql) { Parameters = { new NpgsqlParameter { Value = value } } };
}
