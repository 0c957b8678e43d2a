using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Tests.Fixtures;
using Npgsql;

namespace EventDialogue.EventStore.Tests.Contract;

[Collection(PostgresTests.Name)]
public sealed class PostgresEventStoreContract(PostgresCluster cluster) : EventStoreContract
{
    private readonly string _schema = PostgresCluster.NewSchemaName();

    protected override async Task<IEventStore> OpenNewAsync() => await PostgresEventStore.OpenAsync(cluster.ConnectionString, _schema, Clock);

    protected override Task<IEventStore> ReopenAsync() => OpenNewAsync();

    protected override string WithoutTheTreeSql => "DROP TABLE tree_leaves, tree_subtrees, tree_checkpoints, store_schema";

    protected override string SchemaVersionSql => "SELECT version FROM store_schema";

    protected override async Task<object?> ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using (var path = new NpgsqlCommand($"SET search_path TO \"{_schema}\"", connection))
        {
            await path.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    protected override IEnumerable<string> CrashWriterArguments() => ["postgres", cluster.ConnectionString, _schema];
}
