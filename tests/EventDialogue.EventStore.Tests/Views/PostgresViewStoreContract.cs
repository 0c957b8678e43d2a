using EventDialogue.EventStore.Postgres.Views;
using EventDialogue.EventStore.Tests.Fixtures;
using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Tests.Views;

[Collection(PostgresTests.Name)]
public sealed class PostgresViewStoreContract(PostgresCluster cluster) : ViewStoreContract
{
    protected override async Task<IViewStore> OpenAsync() => await PostgresViewStore.OpenAsync(cluster.ConnectionString, PostgresCluster.NewSchemaName());
}
