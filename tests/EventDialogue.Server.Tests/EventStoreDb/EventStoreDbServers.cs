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

/// <summary>The views fixture's server on a SQLite file of its own; another instance, so another store.</summary>
public sealed class SqliteEventStoreDbServer : SqliteViewsServer, IEventStoreDbServer
{
    public ViewsServer Server => this;

    public Task<NodeSession>? Session { get; set; }
}

/// <summary>The views fixture's server on a fresh PostgreSQL schema of its own.</summary>
public sealed class PostgresEventStoreDbServer : PostgresViewsServer, IEventStoreDbServer
{
    public ViewsServer Server => this;

    public Task<NodeSession>? Session { get; set; }
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
