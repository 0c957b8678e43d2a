using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Postgres.Views;
using EventDialogue.EventStore.Sqlite;
using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.EventStore.Tests.Fixtures;
using EventDialogue.Projections.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EventDialogue.EventStore.Tests.Views;

public sealed class SqliteProjectionResilienceContract : ProjectionResilienceContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"eventdialogue-resilience-{Guid.NewGuid():N}");

    private string DatabasePath => Path.Combine(_directory, "store.sqlite");

    protected override string TagsTable => "view_document_tags";

    protected override Task<(IEventStore Events, IViewStore Views)> OpenAsync()
    {
        IEventStore events = SqliteEventStore.Open(DatabasePath);
        return Task.FromResult((events, (IViewStore)SqliteViewStore.Open(DatabasePath)));
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

[Collection(PostgresTests.Name)]
public sealed class PostgresProjectionResilienceContract(PostgresCluster cluster) : ProjectionResilienceContract
{
    private readonly string _schema = PostgresCluster.NewSchemaName();

    protected override string TagsTable => $"\"{_schema}\".view_document_tags";

    protected override async Task<(IEventStore Events, IViewStore Views)> OpenAsync() =>
        (await PostgresEventStore.OpenAsync(cluster.ConnectionString, _schema), await PostgresViewStore.OpenAsync(cluster.ConnectionString, _schema));

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
