using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

[Collection(PostgresTests.Name)]
public sealed class PostgresEventStoreContract(PostgresCluster cluster) : EventStoreContract
{
    private readonly string _schema = PostgresCluster.NewSchemaName();

    protected override async Task<IEventStore> OpenNewAsync() => await PostgresEventStore.OpenAsync(cluster.ConnectionString, _schema, Clock);

    protected override Task<IEventStore> ReopenAsync() => OpenNewAsync();

    protected override IEnumerable<string> CrashWriterArguments() => ["postgres", cluster.ConnectionString, _schema];
}
