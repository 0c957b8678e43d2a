using EventDialogue.EventStore.Restore;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite;

/// <summary>A restore's statements on the writer connection, inside its transaction; rows go in one by one, which in-process costs no round trip.</summary>
internal sealed class SqliteRestoreBatches : IRestoreBatches, IDisposable
{
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _head;
    private readonly SqliteCommand _idTaken;
    private readonly SqliteCommand _lastRevision;
    private readonly SqliteCommand _insert;

    public SqliteRestoreBatches(SqliteConnection writer, SqliteTransaction transaction)
    {
        _transaction = transaction;
        _head = Prepare(writer, "SELECT max(position) FROM events");
        _idTaken = Prepare(writer, "SELECT 1 FROM events WHERE event_id = $id", "$id");
        _lastRevision = Prepare(writer, "SELECT max(revision) FROM events WHERE stream = $stream", "$stream");
        _insert = Prepare(
            writer,
            """
            INSERT INTO events (position, event_id, stream, category, revision, type, data, metadata, recorded_at)
            VALUES ($position, $id, $stream, $category, $revision, $type, $data, $metadata, $recorded_at)
            """,
            "$position", "$id", "$stream", "$category", "$revision", "$type", "$data", "$metadata", "$recorded_at");
    }

    /// <summary>The last stored position, or null when the store is empty.</summary>
    public Position? Head() => _head.ExecuteScalar() is long head ? new Position(head) : null;

    public Task<RestoreLookup> LookupAsync(IReadOnlyList<RecordedEvent> batch, CancellationToken cancellationToken)
    {
        var taken = new HashSet<Guid>();
        var revisions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in batch)
        {
            _idTaken.Parameters[0].Value = e.EventId;
            if (_idTaken.ExecuteScalar() is not null)
            {
                taken.Add(e.EventId);
            }

            if (e.Stream is not null && !revisions.ContainsKey(e.Stream.Value))
            {
                _lastRevision.Parameters[0].Value = e.Stream.Value;
                if (_lastRevision.ExecuteScalar() is long revision)
                {
                    revisions[e.Stream.Value] = revision;
                }
            }
        }

        return Task.FromResult(new RestoreLookup(taken, revisions));
    }

    public Task InsertAsync(IReadOnlyList<RecordedEvent> batch, CancellationToken cancellationToken)
    {
        var p = _insert.Parameters;
        foreach (var e in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            p[0].Value = e.Position.Value;
            p[1].Value = e.EventId;
            p[2].Value = e.Stream.Value;
            p[3].Value = e.Stream.Category;
            p[4].Value = e.Revision;
            p[5].Value = e.Type;
            p[6].Value = e.Data;
            p[7].Value = EventMetadataJson.Serialize(e.Metadata);
            p[8].Value = UnixMicroseconds.From(e.RecordedAt);
            _insert.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _head.Dispose();
        _idTaken.Dispose();
        _lastRevision.Dispose();
        _insert.Dispose();
    }

    private SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
