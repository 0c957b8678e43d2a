using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Tests.Fixtures;
using Npgsql;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>
/// A transaction left open elsewhere on the cluster (another schema's writes, a view's long batch) does not hide an
/// acknowledged append from the next read of $all: appends keep their order by the append lock, not by holding
/// readers back to the oldest transaction running anywhere.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresReadsBesideOtherTransactions(PostgresCluster cluster)
{
    [Fact]
    public async Task Given_an_older_transaction_open_on_another_schema_when_an_event_is_appended_then_every_read_of_all_includes_it()
    {
        await using var store = await PostgresEventStore.OpenAsync(cluster.ConnectionString, PostgresCluster.NewSchemaName());
        await using var elsewhere = new NpgsqlConnection(cluster.ConnectionString);
        await elsewhere.OpenAsync();
        await using var open = await elsewhere.BeginTransactionAsync();
        await using (var takeId = new NpgsqlCommand("SELECT pg_current_xact_id()", elsewhere, open))
        {
            await takeId.ExecuteScalarAsync(); // an id of its own, older than the append's: the oldest running on the cluster
        }

        var appended = Events.One();
        await store.AppendToStreamAsync(StreamName.Parse("case-liu-xiaobo"), ExpectedRevision.NoStream, [appended]);

        var forwards = await store.ReadAllAsync(Position.Start, AllFilter.None).ToListAsync();
        var backwards = await store.ReadAllBackwardsAsync(Position.End, AllFilter.None).ToListAsync();
        var head = await store.ReadHeadPositionAsync();

        Assert.Equal(appended.EventId, Assert.Single(forwards).EventId);
        Assert.Equal(appended.EventId, Assert.Single(backwards).EventId);
        Assert.Equal(forwards[0].Position, head);
        await open.RollbackAsync();
    }
}
