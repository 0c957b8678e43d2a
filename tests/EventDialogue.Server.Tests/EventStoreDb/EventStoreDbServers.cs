using EventDialogue.Server.Tests.Views;

namespace EventDialogue.Server.Tests.EventStoreDb;

/// <summary>
/// The real server on one backend, started once for the collection, with a store of its own: EventStoreDB's client
/// reads $all, so no other test's events may land in it. The Node session runs once per server; its tests share it.
/// </summary>
public interface IEventStoreDbServer
{
    ViewsServer Server { get; }

    /// <summary>Set by the first test of the collection (they run one at a time), read by the others.</summary>
    Task<NodeSession>? Session { get; set; }
}

public sealed class SqliteEventStoreDbServer : ViewsServer, IEventStoreDbServer
{
    public ViewsServer Server => this;

    public Task<NodeSession>? Session { get; set; }

    protected override Task<IReadOnlyDictionary<string, string>> BackendSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["EventStore:Backend"] = "sqlite",
            ["EventStore:SqlitePath"] = Path.Combine(WorkingDirectory, "eventstoredb.sqlite"),
        });
}

public sealed class PostgresEventStoreDbServer : ViewsServer, IEventStoreDbServer
{
    private readonly string _schema = TestPostgres.NewSchemaName();
    private string? _connectionString;

    public ViewsServer Server => this;

    public Task<NodeSession>? Session { get; set; }

    protected override Task<IReadOnlyDictionary<string, string>> BackendSettingsAsync()
    {
        _connectionString = TestPostgres.ConnectionString();
        return Task.FromResult<IReadOnlyDictionary<string, string>>(TestPostgres.ServerSettings(_schema));
    }

    protected override IReadOnlyDictionary<string, string> BackendEnvironment() => TestPostgres.ServerEnvironment(_connectionString!);

    protected override async Task CleanUpAsync()
    {
        if (_connectionString is not null)
        {
            await TestPostgres.DropSchemaAsync(_connectionString, _schema);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteEventStoreDbGroup : ICollectionFixture<SqliteEventStoreDbServer>
{
    public const string Name = "EventStoreDB protocol on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresEventStoreDbGroup : ICollectionFixture<PostgresEventStoreDbServer>
{
    public const string Name = "EventStoreDB protocol on PostgreSQL";
}

[Collection(SqliteEventStoreDbGroup.Name)]
public sealed class SqliteEventStoreDbClientTests(SqliteEventStoreDbServer server) : EventStoreDbClientContract(server);

[Collection(PostgresEventStoreDbGroup.Name)]
public sealed class PostgresEventStoreDbClientTests(PostgresEventStoreDbServer server) : EventStoreDbClientContract(server);
