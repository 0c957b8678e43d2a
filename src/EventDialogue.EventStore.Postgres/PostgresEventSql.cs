using EventDialogue.EventStore.GroupCommit;
using Npgsql;
using EventDialogue.EventStore.Integrity;
using NpgsqlTypes;

namespace EventDialogue.EventStore.Postgres;

/// <summary>
/// The SQL of one schema's store, with the round trips of a group of appends kept to one when the client knows where each
/// append starts (lock, checked inserts, tree and commit), two otherwise (lock and state; inserts, tree and commit).
/// </summary>
internal sealed class PostgresEventSql(PostgresSchema schema)
{
    private readonly string _findStored = $"SELECT event_id, stream, revision, position, type, data FROM {schema.Events} WHERE event_id = ANY($1)";
    private readonly string _currentRevisions = $"SELECT stream, max(revision) FROM {schema.Events} WHERE stream = ANY($1) GROUP BY stream";
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

    private readonly string _checkedInsert = $"SELECT tree_size, last_position FROM \"{schema.Name}\".append_checked($1, $2, $3, $4, $5, $6, $7, $8, $9)";

    /// <summary>
    /// Begins a group's transaction (by hand: its commit goes in the inserts' round trip, see
    /// <see cref="GroupCommit.SavepointInserts"/>), takes the global append lock for the rest of it, then reads, in the
    /// same round trip, what the log holds for the group's event ids and the last revision of each of its streams. Read
    /// under the lock, which every writer holds to its commit, this state cannot change before the group commits, so
    /// the group's checks cannot be overtaken by a concurrent append (nor a restore, which takes the lock too).
    /// </summary>
    public Task<(Dictionary<Guid, StoredEventIdentity> Stored, Dictionary<string, long> Revisions)> BeginLockAndReadStateAsync(NpgsqlConnection connection, IReadOnlyList<PendingAppend> group, CancellationToken cancellationToken) =>
        ReadStateAsync(connection, [new NpgsqlBatchCommand("BEGIN"), LockAppends()], skippedResults: 1, group, cancellationToken);

    /// <summary>
    /// In a group's transaction whose checked inserts (see <see cref="CheckedInsert"/>) stopped at a failed one: undoes
    /// that one, back to its savepoint, and reads, in the same round trip and still under the append lock, the state for
    /// deciding it and those after it, which includes what the inserts before it wrote.
    /// </summary>
    public Task<(Dictionary<Guid, StoredEventIdentity> Stored, Dictionary<string, long> Revisions)> RollBackToAndReadStateAsync(NpgsqlConnection connection, string savepoint, IReadOnlyList<PendingAppend> group, CancellationToken cancellationToken) =>
        ReadStateAsync(connection, [new NpgsqlBatchCommand($"ROLLBACK TO SAVEPOINT {savepoint}"), new NpgsqlBatchCommand($"RELEASE SAVEPOINT {savepoint}")], skippedResults: 0, group, cancellationToken);

    /// <summary>
    /// After a lone checked insert failed (see <see cref="CheckedInsert"/>; it has no savepoint): rolls its transaction
    /// back, and then begins another as <see cref="BeginLockAndReadStateAsync"/> does, in the same round trip. Nothing
    /// of the failed one stays, and the state is read under the lock taken again.
    /// </summary>
    public Task<(Dictionary<Guid, StoredEventIdentity> Stored, Dictionary<string, long> Revisions)> RollBackAndBeginLockAndReadStateAsync(NpgsqlConnection connection, IReadOnlyList<PendingAppend> group, CancellationToken cancellationToken) =>
        ReadStateAsync(connection, [new NpgsqlBatchCommand("ROLLBACK"), new NpgsqlBatchCommand("BEGIN"), LockAppends()], skippedResults: 1, group, cancellationToken);

    /// <summary>Takes the global append lock, to the end of the transaction; one row.</summary>
    public NpgsqlBatchCommand LockAppends() => Command("SELECT pg_advisory_xact_lock($1)", schema.AppendLockKey);

    private async Task<(Dictionary<Guid, StoredEventIdentity> Stored, Dictionary<string, long> Revisions)> ReadStateAsync(NpgsqlConnection connection, NpgsqlBatchCommand[] first, int skippedResults, IReadOnlyList<PendingAppend> group, CancellationToken cancellationToken)
    {
        var ids = group.SelectMany(a => a.Events).Select(e => e.EventId).ToArray();
        var streams = group.Select(a => a.Stream.Value).Distinct(StringComparer.Ordinal).ToArray();
        using var batch = new NpgsqlBatch(connection);
        foreach (var command in first)
        {
            batch.BatchCommands.Add(command);
        }

        batch.BatchCommands.Add(Command(_findStored, ids));
        batch.BatchCommands.Add(Command(_currentRevisions, (object)streams)); // a string[] would otherwise be taken as the params array itself
        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        for (var skipped = 0; skipped < skippedResults; skipped++)
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        var stored = new Dictionary<Guid, StoredEventIdentity>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var identity = ReadStoredIdentity(reader);
            stored[identity.EventId] = identity;
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var revisions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            revisions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return (stored, revisions);
    }

    private static StoredEventIdentity ReadStoredIdentity(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), new Position(reader.GetInt64(3)), reader.GetString(4), reader.GetString(5));

    /// <summary>
    /// One append's insert, to run under the append lock: it gives the events their positions and grows the log's tree
    /// by them (<c>tree_append</c>, on the server, in the same statement), so that the tree grows by every append in
    /// position order with every earlier leaf visible. Its one row: the tree's size and the last event's position.
    /// </summary>
    public NpgsqlBatchCommand Insert(StreamName stream, long firstRevision, IReadOnlyList<EventData> events, DateTimeOffset recordedAt) =>
        Append(_insert, stream, firstRevision, events, recordedAt);

    /// <summary>
    /// <see cref="Insert"/>, checked on the server before it writes anything (<c>append_checked</c>): it fails, with
    /// <see cref="PostgresSchema.RevisionMovedState"/> or <see cref="PostgresSchema.EventIdStoredState"/>, unless the
    /// stream is at the revision before <paramref name="firstRevision"/> and none of the event ids is stored. The same
    /// one row.
    /// </summary>
    public NpgsqlBatchCommand CheckedInsert(StreamName stream, long firstRevision, IReadOnlyList<EventData> events, DateTimeOffset recordedAt) =>
        Append(_checkedInsert, stream, firstRevision, events, recordedAt);

    private static NpgsqlBatchCommand Append(string sql, StreamName stream, long firstRevision, IReadOnlyList<EventData> events, DateTimeOffset recordedAt)
    {
        var metadata = events.Select(e => EventMetadataJson.Serialize(e.Metadata)).ToArray();
        // each event's canonical bytes as a reader will read it back, but for its position, which the server puts in
        var canonical = events.Select((e, i) => CanonicalEvent.Bytes(new RecordedEvent(e.EventId, e.Type, stream, firstRevision + i, Position.Start, recordedAt, e.Data, EventMetadataJson.Deserialize(metadata[i])))).ToArray();
        var insert = new NpgsqlBatchCommand(sql);
        insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.EventId).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = stream.Value });
        insert.Parameters.Add(new NpgsqlParameter { Value = stream.Category });
        insert.Parameters.Add(new NpgsqlParameter { Value = firstRevision });
        insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Type).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Data).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = metadata });
        insert.Parameters.Add(new NpgsqlParameter { Value = recordedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new NpgsqlParameter { Value = canonical, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        return insert;
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
