using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Tests.Fixtures;
using Npgsql;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>
/// The connections that write appends go back to their pool without <c>DISCARD ALL</c>, so that PL/pgSQL's cached plans
/// of <c>append_checked</c> and <c>tree_append</c> outlive one append (re-planning them was most of an append's time on
/// the server). The store's default pool, which serves all but its appends and reads, is still reset.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresAppendConnectionsTests(PostgresCluster cluster)
{
    private const string Marker = "eventdialogue.test_marker";

    [Fact]
    public async Task An_append_connection_handed_back_to_its_pool_keeps_its_session()
    {
        await using var dataSource = PostgresAppendConnections.DataSource(OneConnection());

        await SetMarkerAsync(dataSource);

        Assert.Equal("kept", await ReadMarkerAsync(dataSource));
    }

    [Fact]
    public async Task A_plain_pooled_connection_handed_back_is_reset_as_before()
    {
        // the same check on the driver's default, so that the one above cannot pass by a session that is never reset
        await using var dataSource = NpgsqlDataSource.Create(OneConnection());

        await SetMarkerAsync(dataSource);

        Assert.Equal(string.Empty, await ReadMarkerAsync(dataSource));
    }

    // one connection in the pool: the second open gets the session the first handed back
    private string OneConnection() =>
        new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { MaxPoolSize = 1, MinPoolSize = 0 }.ConnectionString;

    private static async Task SetMarkerAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SELECT set_config('{Marker}', 'kept', false)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ReadMarkerAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SELECT coalesce(current_setting('{Marker}', true), '')", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
