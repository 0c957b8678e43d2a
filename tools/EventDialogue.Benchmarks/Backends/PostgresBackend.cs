using EventDialogue.EventStore;
using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Postgres.Views;
using Npgsql;

namespace EventDialogue.Benchmarks.Backends;

/// <summary>
/// Our PostgreSQL store in a fresh schema of the given database, and the baseline table beside it in the same schema;
/// the domain history and its views in a second fresh schema, and one more for each server run on an empty database.
/// All of them are dropped at the end.
/// </summary>
internal sealed class PostgresBackend : IBenchmarkBackend
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresEventStore _store;
    private readonly string _connectionString;
    private readonly string _schema;
    private readonly List<string> _freshSchemas = [];

    private PostgresBackend(string connectionString, NpgsqlDataSource dataSource, PostgresEventStore store, string schema)
    {
        _connectionString = connectionString;
        _dataSource = dataSource;
        _store = store;
        _schema = schema;
    }

    public string Name => "postgres";

    public IEventStore Store => _store;

    public string BaselineDescription =>
        $"plain INSERTs into {BaselineTable}, a copy of the store's events table (LIKE ... INCLUDING ALL: same columns, defaults, constraints and indexes) " +
        "in the same schema; synchronous_commit as the server has it; one connection per writer; every append (one event or a batch) " +
        "is one autocommit multi-row INSERT ... VALUES: one statement, one round trip, one transaction";

    private string StoreTable => $"\"{_schema}\".events";

    private string HistorySchema => $"{_schema}_history";

    public ServerStoreSettings HistoryServerSettings => new(
        new Dictionary<string, string> { ["EventStore:Backend"] = "postgres", ["EventStore:PostgresSchema"] = HistorySchema },

        // the environment, not the command line, where any local user could read a password
        new Dictionary<string, string> { ["EVENTDIALOGUE_EventStore__PostgresConnectionString"] = _connectionString });

    private string BaselineTable => $"\"{_schema}\".baseline_events";

    public ServerStoreSettings FreshServerSettings(string name)
    {
        var schema = $"{_schema}_{name}";
        _freshSchemas.Add(schema);
        return new(
            new Dictionary<string, string> { ["EventStore:Backend"] = "postgres", ["EventStore:PostgresSchema"] = schema },
            new Dictionary<string, string> { ["EVENTDIALOGUE_EventStore__PostgresConnectionString"] = _connectionString });
    }

    public static async Task<PostgresBackend> CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var schema = $"bench_{Guid.NewGuid():N}"[..18];
        var store = await PostgresEventStore.OpenAsync(connectionString, schema, cancellationToken: cancellationToken);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var backend = new PostgresBackend(connectionString, dataSource, store, schema);
        try
        {
            // Copying the store's own table keeps the baseline's shape from drifting from it; the identity column
            // gets its own sequence.
            await backend.ExecuteAsync($"CREATE TABLE {backend.BaselineTable} (LIKE {backend.StoreTable} INCLUDING ALL)", cancellationToken);
        }
        catch
        {
            await backend.DisposeAsync();
            throw;
        }

        return backend;
    }

    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT 'PostgreSQL ' || current_setting('server_version') || ', synchronous_commit=' || current_setting('synchronous_commit') || " +
            "', fsync=' || current_setting('fsync') || ', wal_sync_method=' || current_setting('wal_sync_method') || ', shared_buffers=' || current_setting('shared_buffers')");
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IAppender> OpenBaselineAppenderAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return new PostgresBaselineAppender(connection, BaselineTable);
    }

    public Task<ScanTotals> ScanStoreTableAsync(CancellationToken cancellationToken) => ScanAsync(StoreTable, cancellationToken);

    public async Task<HistoryStores> OpenHistoryAsync(CancellationToken cancellationToken)
    {
        var events = await PostgresEventStore.OpenAsync(_connectionString, HistorySchema, cancellationToken: cancellationToken);
        try
        {
            return new HistoryStores(events, await PostgresViewStore.OpenAsync(_connectionString, HistorySchema, cancellationToken));
        }
        catch
        {
            await events.DisposeAsync();
            throw;
        }
    }

    public Task<ScanTotals> ScanHistoryTableAsync(CancellationToken cancellationToken) => ScanAsync($"\"{HistorySchema}\".events", cancellationToken);

    private async Task<ScanTotals> ScanAsync(string table, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT position, event_id, stream, revision, type, data, metadata, recorded_at FROM {table} ORDER BY position", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var totals = default(ScanTotals);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new ScannedRow(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt64(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetDateTime(7).Ticks);
            totals = totals.Add(row.Data);
        }

        return totals;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        try
        {
            var fresh = string.Concat(_freshSchemas.Select(schema => $"; DROP SCHEMA IF EXISTS \"{schema}\" CASCADE"));
            await ExecuteAsync($"DROP SCHEMA \"{_schema}\" CASCADE; DROP SCHEMA IF EXISTS \"{HistorySchema}\" CASCADE{fresh}", CancellationToken.None);
        }
        finally
        {
            await _dataSource.DisposeAsync();
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
