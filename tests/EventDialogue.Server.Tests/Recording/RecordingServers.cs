using EventDialogue.EventStore;
using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Sqlite;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>The server on a SQLite file of its own; the test reads the same file (WAL lets a second process read while it writes).</summary>
public class SqliteRecordingServer : RecordingServer
{
    private string SqlitePath => Path.Combine(WorkingDirectory, "recording.sqlite");

    protected override Task<IReadOnlyDictionary<string, string>> BackendSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["EventStore:Backend"] = "sqlite",
            ["EventStore:SqlitePath"] = SqlitePath,
        });

    protected override Task<IEventStore> OpenStoreAsync() => Task.FromResult<IEventStore>(SqliteEventStore.Open(SqlitePath));
}

/// <summary>The server on a fresh schema of the test PostgreSQL (EVENTDIALOGUE_TEST_POSTGRES), dropped afterwards.</summary>
public class PostgresRecordingServer : RecordingServer
{
    private readonly string _schema = TestPostgres.NewSchemaName();
    private string? _connectionString;

    protected override Task<IReadOnlyDictionary<string, string>> BackendSettingsAsync()
    {
        _connectionString = TestPostgres.ConnectionString();
        return Task.FromResult<IReadOnlyDictionary<string, string>>(TestPostgres.ServerSettings(_schema));
    }

    protected override IReadOnlyDictionary<string, string> BackendEnvironment() => TestPostgres.ServerEnvironment(_connectionString!);

    protected override async Task<IEventStore> OpenStoreAsync() => await PostgresEventStore.OpenAsync(_connectionString!, _schema);

    protected override async Task CleanUpAsync()
    {
        if (_connectionString is not null)
        {
            await TestPostgres.DropSchemaAsync(_connectionString, _schema);
        }
    }
}

/// <summary>The server on its SQLite file, run in the test process.</summary>
public sealed class InProcessSqliteRecordingServer : SqliteRecordingServer
{
    protected override bool InProcess => true;
}

/// <summary>The server on its PostgreSQL schema, run in the test process.</summary>
public sealed class InProcessPostgresRecordingServer : PostgresRecordingServer
{
    protected override bool InProcess => true;
}

// The contract checks what the server answers and stores, not how it runs: in process. The fuzzers, which check that
// the process survives, keep a child.
[CollectionDefinition(Name)]
public sealed class SqliteRecordingGroup : ICollectionFixture<InProcessSqliteRecordingServer>
{
    public const string Name = "Recording service on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresRecordingGroup : ICollectionFixture<InProcessPostgresRecordingServer>
{
    public const string Name = "Recording service on PostgreSQL";
}

[Collection(SqliteRecordingGroup.Name)]
public sealed class SqliteRecordingServiceTests(InProcessSqliteRecordingServer server) : RecordingServiceContract(server);

[Collection(PostgresRecordingGroup.Name)]
public sealed class PostgresRecordingServiceTests(InProcessPostgresRecordingServer server) : RecordingServiceContract(server);
