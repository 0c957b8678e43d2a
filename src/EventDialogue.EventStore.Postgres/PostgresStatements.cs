using Npgsql;
using EventDialogue.EventStore.Integrity;
using NpgsqlTypes;

namespace EventDialogue.EventStore.Postgres;

/// <summary>The SQL of one schema's store, with the round trips of an append kept to three (state, insert, the tree's rows, commit).</summary>
internal sealed class PostgresStatements(PostgresSchema schema)
{
    // Transactions older than the oldest one still running have all finished: their events can be read without
    // fear that an earlier position commits later. An InitPlan, so it is computed once per query, from the
    // query's own snapshot.
    private const string Horizon = "transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))";

    private readonly PostgresTree _tree = new(schema);
    private readonly string _lockStream = "SELECT pg_advisory_xact_lock($1, hashtext($2))";
    private readonly string _findStored = $"SELECT event_id, stream, revision, position, type, data FROM {schema.Events} WHERE event_id = ANY($1)";
    private readonly string _firstStored = $"SELECT 1 FROM {schema.Events} WHERE event_id = $1";
    private readonly string _currentRevision = $"SELECT max(revision) FROM {schema.Events} WHERE stream = $1";
    private readonly string _insert = $"""
        INSERT INTO {schema.Events} (event_id, stream, category, revision, type, data, metadata, recorded_at)
        SELECT e.id, $2, $3, $4 + e.ord - 1, e.type, e.data, e.metadata, $8
        FROM unnest($1::uuid[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS e(id, type, data, metadata, ord)
        ORDER BY e.ord
        RETURNING position, revision
        """;

    // Per-stream locks live in the two-key advisory lock space, apart from the global append lock's one-key space.
    private readonly int _streamLockSpace = unchecked((int)schema.AppendLockKey);

    public string ReadStreamForwards { get; } = $"SELECT {PostgresSchema.Columns} FROM {schema.Events} WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3";

    public string ReadStreamBackwards { get; } = $"SELECT {PostgresSchema.Columns} FROM {schema.Events} WHERE stream = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3";

    public string ReadEvent { get; } = $"SELECT {PostgresSchema.Columns} FROM {schema.Events} WHERE event_id = $1";

    public string ReadHead { get; } = $"SELECT position FROM {schema.Events} WHERE {Horizon} ORDER BY position DESC LIMIT 1";

    /// <summary>
    /// A read of $all after a position: the filter's kinds pushed down as <c>= ANY</c> on the indexed columns (category
    /// and type each lead an index with position; a stream's events are found by its (stream, revision) key).
    /// </summary>
    public NpgsqlCommand ReadAll(NpgsqlConnection connection, Position after, AllFilter filter, int count)
    {
        var command = new NpgsqlCommand { Connection = connection };
        command.Parameters.Add(new NpgsqlParameter { Value = after.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)count });
        var where = $"position > $1 AND {Horizon}";
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

    /// <summary>
    /// Takes the stream's lock (held to commit, so writers of one stream take turns and revisions never clash), then
    /// reads, in the same round trip, whether the first event id is stored (a retry) and the stream's revision.
    /// None of this gives the transaction an id: that must happen under the append lock.
    /// </summary>
    public async Task<(bool FirstStored, long? Current)> LockStreamAndReadStateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StreamName stream, Guid firstEventId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command(_lockStream, _streamLockSpace, stream.Value),
                Command(_firstStored, firstEventId),
                Command(_currentRevision, stream.Value),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var firstStored = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        long? current = reader.IsDBNull(0) ? null : reader.GetInt64(0);
        return (firstStored, current);
    }

    public async Task<List<StoredEventIdentity>> FindStoredAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<EventData> events, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_findStored, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.EventId).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var stored = new List<StoredEventIdentity>(events.Count);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            stored.Add(new StoredEventIdentity(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), new Position(reader.GetInt64(3)), reader.GetString(4), reader.GetString(5)));
        }

        return stored;
    }

    public async Task<long?> CurrentRevisionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, StreamName stream, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_currentRevision, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = stream.Value });
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is long revision ? revision : null;
    }

    /// <summary>
    /// Takes the global append lock for the rest of the transaction, inserts (which gives the transaction its id and the
    /// events their positions) and reads the tree's size and right edge, all in one round trip. The lock is held to the
    /// commit, so that the tree grows by every append in position order with all earlier leaves visible; transaction-id
    /// order stays position order. Returns the events as a reader will read them back, in position order, and the tree
    /// to grow by them.
    /// </summary>
    public async Task<(List<RecordedEvent> Recorded, TreeGrowth Growth)> InsertUnderAppendLockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StreamName stream, long firstRevision, IReadOnlyList<EventData> events, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        var metadata = events.Select(e => EventMetadataJson.Serialize(e.Metadata)).ToArray();
        var insert = new NpgsqlBatchCommand(_insert);
        insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.EventId).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = stream.Value });
        insert.Parameters.Add(new NpgsqlParameter { Value = stream.Category });
        insert.Parameters.Add(new NpgsqlParameter { Value = firstRevision });
        insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Type).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Data).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = metadata });
        insert.Parameters.Add(new NpgsqlParameter { Value = recordedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });

        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command("SELECT pg_advisory_xact_lock($1)", schema.AppendLockKey),
                insert,
                new NpgsqlBatchCommand(_tree.SizeAndRightEdge),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var recorded = new List<RecordedEvent>(events.Count);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var revision = reader.GetInt64(1);
            var i = (int)(revision - firstRevision);
            recorded.Add(new RecordedEvent(events[i].EventId, events[i].Type, stream, revision, new Position(reader.GetInt64(0)), recordedAt, events[i].Data, EventMetadataJson.Deserialize(metadata[i])));
        }

        recorded.Sort((a, b) => a.Position.Value.CompareTo(b.Position.Value));
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var growth = await PostgresTree.ReadGrowthAsync(reader, cancellationToken).ConfigureAwait(false);
        return (recorded, growth);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
