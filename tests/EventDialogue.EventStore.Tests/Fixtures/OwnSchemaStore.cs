using EventDialogue.EventStore.Postgres;

namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>
/// A PostgreSQL store of the test's own, in a new schema on the shared cluster: opened before each test, disposed after.
/// For tests of what only the PostgreSQL store does (its round trips, its group commit, its restore beside appends).
/// </summary>
public abstract class OwnSchemaStore(PostgresCluster cluster) : IAsyncLifetime
{
    protected PostgresCluster Cluster => cluster;

    protected string Schema { get; } = PostgresCluster.NewSchemaName();

    protected PostgresEventStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await PostgresEventStore.OpenAsync(cluster.ConnectionString, Schema);

    public async Task DisposeAsync() => await Store.DisposeAsync();
}
