using Npgsql;
using EventDialogue.EventStore.Integrity;
using NpgsqlTypes;

namespace EventDialogue.EventStore.Postgres;

/// <summary>The SQL of one schema's store, with the round trips of an append kept to three (state; insert, tree and commit).</summary>
internal sealed class PostgresStatements(PostgresSchema schema)
{
    // Transactions older than the oldest one still running have all finished: their events can be read without
    // fear that an earlier position commits later. An InitPlan, so it is computed once per query, from the
    // query's own snapshot.
    private const string Horizon = "transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))";

    private readonly string _lockStream = "SELECT pg_advisory_xact_lock($1, hashtext($2))";
    private readonly string _findStored = $"SELECT event_id, stream, revision, position, type, data FROM {schema.Events} WHERE event_id = ANY($1)";
    private readonly string _firstStored = $"SELECT 1 FROM {schema.Events} WHERE event_id = $1";
    private readonly string _currentRevision = $"SELECT max(revision) FROM {schema.Events} WHERE stream = $1";
    private readonly string _insert = $"""
        WITH inserted AS (
            INSERT INTO {schema.Events} (event_id, stream, category, revision, type, data, metadata, recorded_at)
            SELECT e.id, $2, $3, $4 + e.ord - 1, e.type, e.data, e.metadata, $8
            FROM unnest($1::uuid[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS e(id, type, data, metadata, ord)
            ORDER BY e.ord
            RETURNING position, revision
        )
        SELECT "{schema.Name}".tree_append(array_agg(position ORDER BY position), array_agg(($9::bytea[])[revision - $4 + 1] ORDER BY position)), max(position)
        FROM inserted
        """;

    // Per-stream locks live in the two-key advisory lock space, apart from the global append lock's one-key space.
    private readonly int _streamLockSpace = unchecked((int)schema.AppendLockKey);

    public string ReadStreamForwards { get; } = $"SELECT {PostgresSchema.Columns} FROM {schema.Events} WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3";

    public string ReadStreamBackwards { get; } = $"SELECT {PostgresSchema.Columns} FROM {schema.Events} WHERE stream = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3";

    public string ReadEvent { get; } = $"SELECT {PostgresSchema.Columns} FROM {schema.Events} WHERE event_id = $1";

    public string ReadHead { get; } = $"SELECT position FROM {schema.Events} WHERE {Horizon} ORDER BY position DESC LIMIT 1";

    /// <summary>
    /// $all backwards, unfiltered (the caller filters): the same horizon as forwards, which leaves out exactly the
    /// events a forwards reader cannot see yet, since what it sees is a prefix of $all.
    /// </summary>
    public string ReadAllBackwards { get; } = $"SELECT {PostgresSchema.Columns} FROM {schema.Events} WHERE position < $1 AND {Horizon} ORDER BY position DESC LIMIT $2";

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
    /// Begins the append's transaction (by hand: its commit goes in the insert's round trip, see
    /// <see cref="InsertUnderAppendLockAndCommitAsync"/>), takes the stream's lock (held to commit, so writers of one
    /// stream take turns and revisions never clash), then reads, in the same round trip, whether the first event id is
    /// stored (a retry) and the stream's revision. None of this gives the transaction an id: that must happen under the
    /// append lock.
    /// </summary>
    public async Task<(bool FirstStored, long? Current)> BeginLockStreamAndReadStateAsync(NpgsqlConnection connection, StreamName stream, Guid firstEventId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("BEGIN"),
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
    /// events their positions), grows the log's tree by them (<c>tree_append</c>, on the server) and commits, all in one
    /// round trip. The lock is held to the commit, so the tree grows by every append in position order with every
    /// earlier leaf visible, and transaction-id order stays position order; it is never held across a round trip to the
    /// client. Returns the last event's position.
    /// </summary>
    public async Task<long> InsertUnderAppendLockAndCommitAsync(NpgsqlConnection connection, StreamName stream, long firstRevision, IReadOnlyList<EventData> events, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        var metadata = events.Select(e => EventMetadataJson.Serialize(e.Metadata)).ToArray();
        // each event's canonical bytes as a reader will read it back, but for its position, which the server puts in
        var canonical = events.Select((e, i) => CanonicalEvent.Bytes(new RecordedEvent(e.EventId, e.Type, stream, firstRevision + i, Position.Start, recordedAt, e.Data, EventMetadataJson.Deserialize(metadata[i])))).ToArray();
        var insert = new NpgsqlBatchCommand(_insert);
        insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.EventId).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = stream.Value });
        insert.Parameters.Add(new NpgsqlParameter { Value = stream.Category });
        insert.Parameters.Add(new NpgsqlParameter { Value = firstRevision });
        insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Type).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Data).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = metadata });
        insert.Parameters.Add(new NpgsqlParameter { Value = recordedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new NpgsqlParameter { Value = canonical, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });

        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command("SELECT pg_advisory_xact_lock($1)", schema.AppendLockKey),
                insert,
                new NpgsqlBatchCommand("COMMIT"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var last = reader.GetInt64(1);
        // Read to the end, so that an error of the commit surfaces here.
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        return last;
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
