using EventDialogue.EventStore;
using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Postgres.Views;
using EventDialogue.EventStore.Sqlite;
using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Server.Tests.Faults;

/// <summary>
/// The store a fault test's server runs on, which outlives every server process started on it, and which the test
/// opens from its own process to check what was written. Also gives empty view stores on the same backend for
/// rebuilding the views from zero beside the server's.
/// </summary>
public abstract class FaultStore : IAsyncDisposable
{
    protected FaultStore(string workingDirectory) => WorkingDirectory = workingDirectory;

    public string WorkingDirectory { get; }

    public abstract string Backend { get; }

    /// <summary>The server's store settings, passed on its command line.</summary>
    public abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Settings that must not appear on the command line (a password).</summary>
    public virtual IReadOnlyDictionary<string, string>? Environment => null;

    public abstract Task<IEventStore> OpenEventsAsync();

    /// <summary>The views the server keeps beside its events.</summary>
    public abstract Task<IViewStore> OpenViewsAsync();

    /// <summary>A view store of its own on the same backend, so that documents compare byte for byte.</summary>
    public abstract Task<IViewStore> OpenEmptyViewsAsync(string name);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteFaultStore(string workingDirectory) : FaultStore(workingDirectory)
{
    public string DatabasePath => Path.Combine(WorkingDirectory, "faults.sqlite");

    public override string Backend => "SQLite";

    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["EventStore:Backend"] = "sqlite",
        ["EventStore:SqlitePath"] = DatabasePath,
    };

    public override Task<IEventStore> OpenEventsAsync() => Task.FromResult<IEventStore>(SqliteEventStore.Open(DatabasePath));

    public override Task<IViewStore> OpenViewsAsync() => Task.FromResult<IViewStore>(SqliteViewStore.Open(SqliteViewStore.FileBeside(DatabasePath)));

    public override Task<IViewStore> OpenEmptyViewsAsync(string name) =>
        Task.FromResult<IViewStore>(SqliteViewStore.Open(Path.Combine(WorkingDirectory, $"{name}.sqlite")));
}

public sealed class PostgresFaultStore(string workingDirectory) : FaultStore(workingDirectory)
{
    private readonly string _connectionString = TestPostgres.ConnectionString();
    private readonly string _schema = TestPostgres.NewSchemaName();
    private readonly List<string> _otherSchemas = [];

    public override string Backend => "PostgreSQL";

    public override IReadOnlyDictionary<string, string> Settings => TestPostgres.ServerSettings(_schema);

    public override IReadOnlyDictionary<string, string> Environment => TestPostgres.ServerEnvironment(_connectionString);

    public override async Task<IEventStore> OpenEventsAsync() => await PostgresEventStore.OpenAsync(_connectionString, _schema);

    public override async Task<IViewStore> OpenViewsAsync() => await PostgresViewStore.OpenAsync(_connectionString, _schema);

    public override async Task<IViewStore> OpenEmptyViewsAsync(string name)
    {
        var schema = TestPostgres.NewSchemaName();
        _otherSchemas.Add(schema);
        return await PostgresViewStore.OpenAsync(_connectionString, schema);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var schema in _otherSchemas.Append(_schema))
        {
            await TestPostgres.DropSchemaAsync(_connectionString, schema);
        }

        await base.DisposeAsync();
    }
}
