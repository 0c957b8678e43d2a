using EventDialogue.EventStore;
using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Postgres.Views;
using EventDialogue.EventStore.Sqlite;
using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Server.Tests.Projections;

public sealed class SqliteProjectionCrashTests : ProjectionCrashContract
{
    private string DatabasePath => Path.Combine(WorkingPath, "crash.sqlite");

    protected override IReadOnlyDictionary<string, string> StoreSettings => new Dictionary<string, string> { ["EventStore:SqlitePath"] = DatabasePath };

    protected override Task<(IEventStore Events, IViewStore Views)> OpenStorageAsync() =>
        Task.FromResult<(IEventStore, IViewStore)>((SqliteEventStore.Open(DatabasePath), SqliteViewStore.Open(SqliteViewStore.FileBeside(DatabasePath))));
}

public sealed class PostgresProjectionCrashTests : ProjectionCrashContract
{
    private readonly string _connectionString = TestPostgres.ConnectionString();
    private readonly string _schema = TestPostgres.NewSchemaName();

    protected override IReadOnlyDictionary<string, string> StoreSettings => new Dictionary<string, string>
    {
        ["EventStore:Backend"] = "postgres",
        ["EventStore:PostgresConnectionString"] = _connectionString,
        ["EventStore:PostgresSchema"] = _schema,
    };

    protected override async Task<(IEventStore Events, IViewStore Views)> OpenStorageAsync() =>
        (await PostgresEventStore.OpenAsync(_connectionString, _schema), await PostgresViewStore.OpenAsync(_connectionString, _schema));
}
