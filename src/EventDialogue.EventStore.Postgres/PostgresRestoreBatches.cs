using EventDialogue.EventStore.Restore;
using Npgsql;
using NpgsqlTypes;

namespace EventDialogue.EventStore.Postgres;

/// <summary>A restore's statements inside its transaction: one round trip to look a batch up, one to insert it.</summary>
internal sealed class PostgresRestoreBatches(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresSchema schema) : IRestoreBatches
{
    private readonly string _takenIds = $"SELECT event_id FROM {schema.Events} WHERE event_id = ANY($1)";
    private readonly string _lastRevisions = $"SELECT stream, max(revision) FROM {schema.Events} WHERE stream = ANY($1) GROUP BY stream";

    // OVERRIDING SYSTEM VALUE: the positions are the export's, not the identity's.
    private readonly string _insert = $"""
        INSERT INTO {schema.Events} (position, event_id, stream, category, revision, type, data, metadata, recorded_at)
        OVERRIDING SYSTEM VALUE
        SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
        """;

    /// <summary>
    /// Takes the append lock and locks the table against other writers (EXCLUSIVE still lets readers in), waiting for
    /// appends in flight to finish, then reads the last committed position: null when the store is empty.
    /// </summary>
    public async Task<Position?> LockAndReadHeadAsync(CancellationToken cancellationToken)
    {
        // the append lock first, in the order an append takes its locks, then the table
        using (var appendLock = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            appendLock.Parameters.Add(new NpgsqlParameter { Value = schema.AppendLockKey });
            await appendLock.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var lockTable = new NpgsqlCommand($"LOCK TABLE {schema.Events} IN EXCLUSIVE MODE", connection, transaction))
        {
            await lockTable.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var head = new NpgsqlCommand($"SELECT max(position) FROM {schema.Events}", connection, transaction);
        return await head.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long position ? new Position(position) : null;
    }

    public async Task<RestoreLookup> LookupAsync(IReadOnlyList<RecordedEvent> batch, CancellationToken cancellationToken)
    {
        var streams = batch.Where(e => e.Stream is not null).Select(e => e.Stream.Value).Distinct(StringComparer.Ordinal).ToArray();
        using var lookup = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command(_takenIds, batch.Select(e => e.EventId).ToArray()),
                Command(_lastRevisions, streams),
            },
        };
        var reader = await lookup.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var taken = new HashSet<Guid>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            taken.Add(reader.GetGuid(0));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var revisions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            revisions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return new RestoreLookup(taken, revisions);
    }

    public async Task InsertAsync(IReadOnlyList<RecordedEvent> batch, CancellationToken cancellationToken)
    {
        using var insert = new NpgsqlCommand(_insert, connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(e => e.Position.Value).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(e => e.EventId).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(e => e.Stream.Value).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(e => e.Stream.Category).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(e => e.Revision).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(e => e.Type).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(e => e.Data).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = batch.Select(e => EventMetadataJson.Serialize(e.Metadata)).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter
        {
            Value = batch.Select(e => UnixMicroseconds.Truncate(e.RecordedAt).UtcDateTime).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        });
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the identity sequence to the restored head, so that the next append continues after it. A sequence is not
    /// transactional: should the commit fail, the store is left empty with a sequence further on, which only means a
    /// gap before its first position, as a rolled-back append leaves.
    /// </summary>
    public async Task MovePositionsPastAsync(Position head, CancellationToken cancellationToken)
    {
        if (head == Position.Start)
        {
            return;
        }

        using var move = new NpgsqlCommand("SELECT setval(pg_get_serial_sequence($1, 'position'), $2)", connection, transaction);
        move.Parameters.Add(new NpgsqlParameter { Value = schema.Events });
        move.Parameters.Add(new NpgsqlParameter { Value = head.Value });
        await move.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand Command<T>(string sql, T[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = values });
        return command;
    }
}
