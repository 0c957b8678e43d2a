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
    [Fact]
    public async Task A_read_connection_handed_back_to_its_pool_keeps_its_session()
    {
        await using var dataSource = PostgresReadConnections.DataSource(PooledSession.OneConnection(cluster.ConnectionString));

        await PooledSession.SetMarkerAsync(dataSource);

        Assert.Equal("kept", await PooledSession.ReadMarkerAsync(dataSource));
    }

    [Fact]
    public async Task A_read_repeated_on_the_read_connections_is_prepared_and_stays_prepared_across_hand_backs()
    {
        await using var dataSource = PostgresReadConnections.DataSource(PooledSession.OneConnection(cluster.ConnectionString));

        Assert.Equal("1", await PooledSession.PreparedAfterThreeRunsAsync(dataSource));
    }

    [Fact]
    public async Task A_plain_pooled_connection_prepares_nothing_by_itself()
    {
        // the same check on the driver's default, so that the one above cannot pass by a read that is always prepared
        await using var dataSource = NpgsqlDataSource.Create(PooledSession.OneConnection(cluster.ConnectionString));

        Assert.Equal("0", await PooledSession.PreparedAfterThreeRunsAsync(dataSource));
    }
}
