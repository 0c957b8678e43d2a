using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Tests.Fixtures;
using Npgsql;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>
/// The connections that answer reads (the log's in the event store, the views' in the view store) go back to their pool
/// without a reset and prepare the reads they repeat, so that a read is neither parsed nor planned again on the server.
/// (The reads change nothing in the session; the event-store and view-store contracts, run on PostgreSQL, check what
/// they answer.)
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresReadConnectionsTests(PostgresCluster cluster)
{
    private const string Marker = "eventdialogue.test_marker";

    [Fact]
    public async Task A_read_connection_handed_back_to_its_pool_keeps_its_session()
    {
        await using var dataSource = PostgresReadConnections.DataSource(OneConnection());

        await ScalarAsync(dataSource, $"SELECT set_config('{Marker}', 'kept', false)");

        Assert.Equal("kept", await ScalarAsync(dataSource, $"SELECT coalesce(current_setting('{Marker}', true), '')"));
    }

    [Fact]
    public async Task A_read_repeated_on_the_read_connections_is_prepared_and_stays_prepared_across_hand_backs()
    {
        await using var dataSource = PostgresReadConnections.DataSource(OneConnection());
        const string Read = "SELECT count(*)::text FROM pg_class WHERE relname = $1";

        for (var i = 0; i < 3; i++)
        {
            await ScalarAsync(dataSource, Read, "pg_class");
        }

        Assert.Equal("1", await ScalarAsync(dataSource, "SELECT count(*)::text FROM pg_prepared_statements WHERE statement = $1", Read));
    }

    [Fact]
    public async Task A_plain_pooled_connection_prepares_nothing_by_itself()
    {
        // the same check on the driver's default, so that the one above cannot pass by a read that is always prepared
        await using var dataSource = NpgsqlDataSource.Create(OneConnection());
        const string Read = "SELECT count(*)::text FROM pg_class WHERE relname = $1";

        for (var i = 0; i < 3; i++)
        {
            await ScalarAsync(dataSource, Read, "pg_class");
        }

        Assert.Equal("0", await ScalarAsync(dataSource, "SELECT count(*)::text FROM pg_prepared_statements WHERE statement = $1", Read));
    }

    // one connection in the pool: every open gets the session the one before handed back
    private string OneConnection() =>
        new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { MaxPoolSize = 1, MinPoolSize = 0 }.ConnectionString;

    private static async Task<string> ScalarAsync(NpgsqlDataSource dataSource, string sql, params string[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (string)(await command.ExecuteScalarAsync())!;
    }
}
