using EventDialogue.EventStore;
using EventDialogue.EventStore.Sqlite;
using EventDialogue.EventStore.Sqlite.Views;
using Microsoft.Data.Sqlite;

namespace EventDialogue.Benchmarks.Backends;

/// <summary>
/// Our SQLite store in one file, its baseline in another and the domain history with its views in a third, all in a
/// folder that is deleted afterwards.
/// </summary>
internal sealed class SqliteBackend : IBenchmarkBackend
{
    private readonly string _directory;
    private readonly string _storePath;
    private readonly string _historyPath;
    private readonly SqliteEventStore _store;
    private readonly SqliteBaselineTable _baseline;

    private SqliteBackend(string directory, string storePath, SqliteEventStore store, SqliteBaselineTable baseline)
    {
        _directory = directory;
        _storePath = storePath;
        _historyPath = Path.Combine(directory, "history.db");
        _store = store;
        _baseline = baseline;
    }

    public string Name => "sqlite";

    public IEventStore Store => _store;

    public string BaselineDescription =>
        "plain INSERTs into a copy of the store's events table (same columns, constraints and indexes, created from the store's own DDL) " +
        "in a separate file with WAL + synchronous=FULL; one transaction per append; writers share one connection behind a gate, as the store's do";

    public ServerStoreSettings HistoryServerSettings => new(
        new Dictionary<string, string> { ["EventStore:Backend"] = "sqlite", ["EventStore:SqlitePath"] = _historyPath },
        new Dictionary<string, string>());

    public ServerStoreSettings FreshServerSettings(string name) => new(
        new Dictionary<string, string> { ["EventStore:Backend"] = "sqlite", ["EventStore:SqlitePath"] = Path.Combine(_directory, $"{name}.db") },
        new Dictionary<string, string>());

    public static SqliteBackend Create(string parentDirectory)
    {
        var directory = Path.Combine(parentDirectory, $"sqlite-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var storePath = Path.Combine(directory, "store.db");
        var store = SqliteEventStore.Open(storePath);
        var baseline = SqliteBaselineTable.Create(Path.Combine(directory, "baseline.db"), ReadSchema(storePath));
        return new SqliteBackend(directory, storePath, store, baseline);
    }

    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ReadOnly(_storePath));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // synchronous is per connection and this one is not the writer: the writer's setting is in the store's code.
        command.CommandText = "SELECT 'SQLite ' || sqlite_version() || ', journal_mode=' || (SELECT journal_mode FROM pragma_journal_mode)";
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task<IAppender> OpenBaselineAppenderAsync(CancellationToken cancellationToken) => Task.FromResult(_baseline.OpenAppender());

    public Task<ScanTotals> ScanStoreTableAsync(CancellationToken cancellationToken) => ScanAsync(_storePath, cancellationToken);

    /// <summary>The history's events, and its views in their own file as the server keeps them, recorded as this log's so that the server serves them.</summary>
    public async Task<HistoryStores> OpenHistoryAsync(CancellationToken cancellationToken)
    {
        var events = SqliteEventStore.Open(_historyPath);
        var views = SqliteViewStore.Open(SqliteViewStore.FileBeside(_historyPath));
        await views.DropUnlessBuiltFromAsync(events.LogId, events.ReadHeadPositionAsync, cancellationToken);
        return new HistoryStores(events, views);
    }

    public Task<ScanTotals> ScanHistoryTableAsync(CancellationToken cancellationToken) => ScanAsync(_historyPath, cancellationToken);

    private static async Task<ScanTotals> ScanAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ReadOnly(path));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, event_id, stream, revision, type, data, metadata, recorded_at FROM events ORDER BY position";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var totals = default(ScanTotals);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new ScannedRow(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt64(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetInt64(7));
            totals = totals.Add(row.Data);
        }

        return totals;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        await _baseline.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The store's own CREATE statements for its events table, so the baseline's shape cannot drift from it.</summary>
    private static List<string> ReadSchema(string storePath)
    {
        using var connection = new SqliteConnection(ReadOnly(storePath));
        connection.Open();
        using var command = connection.CreateCommand();

        // 'table' sorts after 'index': descending puts the table first.
        command.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = 'events' AND sql IS NOT NULL ORDER BY type DESC";
        using var reader = command.ExecuteReader();
        var statements = new List<string>();
        while (reader.Read())
        {
            statements.Add(reader.GetString(0));
        }

        return statements;
    }

    private static string ReadOnly(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();
}
