using EventDialogue.Benchmarks.Workload;
using Microsoft.Data.Sqlite;

namespace EventDialogue.Benchmarks.Backends;

/// <summary>
/// The SQLite baseline: plain INSERTs into a table created from our store's own DDL, in a separate file with the
/// same durability (WAL, synchronous=FULL), one transaction per append.
/// Writers share one connection behind a gate, as our store's writers do: SQLite has one writer at a time, and
/// separate connections would mostly measure Microsoft.Data.Sqlite's sleep-and-retry on SQLITE_BUSY.
/// </summary>
internal sealed class SqliteBaselineTable : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteBaselineTable(SqliteConnection connection)
    {
        _connection = connection;
        _insert = connection.CreateCommand();
        _insert.CommandText = """
            INSERT INTO events (event_id, stream, category, revision, type, data, metadata, recorded_at)
            VALUES ($id, $stream, $category, $revision, $type, $data, $metadata, $recorded_at)
            """;
        foreach (var name in new[] { "$id", "$stream", "$category", "$revision", "$type", "$data", "$metadata", "$recorded_at" })
        {
            _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
    }

    /// <param name="path">The baseline's own database file.</param>
    /// <param name="schema">The CREATE statements of our store's events table and its indexes.</param>
    public static SqliteBaselineTable Create(string path, IEnumerable<string> schema)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        try
        {
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            foreach (var statement in schema)
            {
                Execute(connection, statement);
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new SqliteBaselineTable(connection);
    }

    /// <summary>A writer's handle on the shared connection; disposing it leaves the connection open.</summary>
    public IAppender OpenAppender() => new Appender(this);

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _connection.DisposeAsync();
        _gate.Dispose();
    }

    private async Task AppendAsync(PlannedAppend append, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            _insert.Transaction = transaction;
            var p = _insert.Parameters;
            var recordedAt = EventStore.UnixMicroseconds.From(DateTimeOffset.UtcNow);
            for (var i = 0; i < append.Events.Count; i++)
            {
                var e = append.Events[i];
                p[0].Value = e.EventId;
                p[1].Value = append.Stream.Value;
                p[2].Value = append.Stream.Category;
                p[3].Value = append.FirstRevision + i;
                p[4].Value = e.Type;
                p[5].Value = e.Data;
                p[6].Value = append.MetadataJson;
                p[7].Value = recordedAt;
                _insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class Appender(SqliteBaselineTable table) : IAppender
    {
        public Task AppendAsync(PlannedAppend append, CancellationToken cancellationToken) => table.AppendAsync(append, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
