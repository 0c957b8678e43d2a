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
    [Fact]
    public async Task An_append_connection_handed_back_to_its_pool_keeps_its_session()
    {
        await using var dataSource = PostgresAppendConnections.DataSource(PooledSession.OneConnection(cluster.ConnectionString));

        await PooledSession.SetMarkerAsync(dataSource);

        Assert.Equal("kept", await PooledSession.ReadMarkerAsync(dataSource));
    }

    [Fact]
    public async Task A_plain_pooled_connection_handed_back_is_reset_as_before()
    {
        // the same check on the driver's default, so that the one above cannot pass by a session that is never reset
        await using var dataSource = NpgsqlDataSource.Create(PooledSession.OneConnection(cluster.ConnectionString));

        await PooledSession.SetMarkerAsync(dataSource);

        Assert.Equal(string.Empty, await PooledSession.ReadMarkerAsync(dataSource));
    }
}
