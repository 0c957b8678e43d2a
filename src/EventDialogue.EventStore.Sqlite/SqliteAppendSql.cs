using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite;

/// <summary>The writer connection's statements, prepared once and reused for every append.</summary>
internal sealed class SqliteAppendSql : IDisposable
{
    private readonly SqliteCommand _findStored;
    private readonly SqliteCommand _currentRevision;
    private readonly SqliteCommand _insert;

    public SqliteAppendSql(SqliteConnection writer)
    {
        _findStored = SqlitePrepared.Command(writer, "SELECT stream, revision, position, type, data FROM events WHERE event_id = $id", "$id");
        _currentRevision = SqlitePrepared.Command(writer, "SELECT max(revision) FROM events WHERE stream = $stream", "$stream");
        _insert = SqlitePrepared.Command(
            writer,
            """
            INSERT INTO events (event_id, stream, category, revision, type, data, metadata, recorded_at)
            VALUES ($id, $stream, $category, $revision, $type, $data, $metadata, $recorded_at);
            SELECT last_insert_rowid();
            """,
            "$id", "$stream", "$category", "$revision", "$type", "$data", "$metadata", "$recorded_at");
    }

    public StoredEventIdentity? FindStored(SqliteTransaction transaction, Guid eventId)
    {
        _findStored.Transaction = transaction;
        _findStored.Parameters[0].Value = eventId;
        using var reader = _findStored.ExecuteReader();
        return reader.Read()
            ? new StoredEventIdentity(eventId, reader.GetString(0), reader.GetInt64(1), new Position(reader.GetInt64(2)), reader.GetString(3), reader.GetString(4))
            : null;
    }

    public List<StoredEventIdentity> FindAllStored(SqliteTransaction transaction, IReadOnlyList<EventData> events)
    {
        var stored = new List<StoredEventIdentity>(events.Count);
        foreach (var e in events)
        {
            if (FindStored(transaction, e.EventId) is { } found)
            {
                stored.Add(found);
            }
        }

        return stored;
    }

    public long? CurrentRevision(SqliteTransaction transaction, StreamName stream)
    {
        _currentRevision.Transaction = transaction;
        _currentRevision.Parameters[0].Value = stream.Value;
        var value = _currentRevision.ExecuteScalar();
        return value is null or DBNull ? null : (long)value;
    }

    public long Insert(SqliteTransaction transaction, StreamName stream, long revision, EventData e, string metadata, long recordedAt)
    {
        _insert.Transaction = transaction;
        var p = _insert.Parameters;
        p[0].Value = e.EventId;
        p[1].Value = stream.Value;
        p[2].Value = stream.Category;
        p[3].Value = revision;
        p[4].Value = e.Type;
        p[5].Value = e.Data;
        p[6].Value = metadata;
        p[7].Value = recordedAt;
        return (long)_insert.ExecuteScalar()!;
    }

    public void Dispose()
    {
        _findStored.Dispose();
        _currentRevision.Dispose();
        _insert.Dispose();
    }
}
