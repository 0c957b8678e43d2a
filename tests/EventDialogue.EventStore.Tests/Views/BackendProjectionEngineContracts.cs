using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Postgres.Views;
using EventDialogue.EventStore.Sqlite;
using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.EventStore.Tests.Fixtures;
using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Tests.Views;

public sealed class SqliteProjectionEngineContract : ProjectionEngineContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"eventdialogue-engine-{Guid.NewGuid():N}");

    protected override Task<(IEventStore Events, IViewStore Views)> OpenAsync()
    {
        var path = Path.Combine(_directory, "store.sqlite");
        IEventStore events = SqliteEventStore.Open(path);
        return Task.FromResult((events, (IViewStore)SqliteViewStore.Open(path)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

[Collection(PostgresTests.Name)]
public sealed class PostgresProjectionEngineContract(PostgresCluster cluster) : ProjectionEngineContract
{
    protected override async Task<(IEventStore Events, IViewStore Views)> OpenAsync()
    {
        var schema = PostgresCluster.NewSchemaName();
        return (await PostgresEventStore.OpenAsync(cluster.ConnectionString, schema), await PostgresViewStore.OpenAsync(cluster.ConnectionString, schema));
    }
}

public sealed class SqliteViewRebuildContract : ViewRebuildContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"eventdialogue-rebuild-{Guid.NewGuid():N}");

    protected override Task<(IEventStore Events, IViewStore Views)> OpenAsync()
    {
        var path = Path.Combine(_directory, "store.sqlite");
        IEventStore events = SqliteEventStore.Open(path);
        return Task.FromResult((events, (IViewStore)SqliteViewStore.Open(path)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

[Collection(PostgresTests.Name)]
public sealed class PostgresViewRebuildContract(PostgresCluster cluster) : ViewRebuildContract
{
    protected override async Task<(IEventStore Events, IViewStore Views)> OpenAsync()
    {
        var schema = PostgresCluster.NewSchemaName();
        return (await PostgresEventStore.OpenAsync(cluster.ConnectionString, schema), await PostgresViewStore.OpenAsync(cluster.ConnectionString, schema));
    }
}

public sealed class SqliteRoundShownLinksContract : RoundShownLinksContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"eventdialogue-shown-{Guid.NewGuid():N}");

    protected override Task<(IEventStore Events, IViewStore Views)> OpenAsync()
    {
        var path = Path.Combine(_directory, "store.sqlite");
        IEventStore events = SqliteEventStore.Open(path);
        return Task.FromResult((events, (IViewStore)SqliteViewStore.Open(path)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

[Collection(PostgresTests.Name)]
public sealed class PostgresRoundShownLinksContract(PostgresCluster cluster) : RoundShownLinksContract
{
    protected override async Task<(IEventStore Events, IViewStore Views)> OpenAsync()
    {
        var schema = PostgresCluster.NewSchemaName();
        return (await PostgresEventStore.OpenAsync(cluster.ConnectionString, schema), await PostgresViewStore.OpenAsync(cluster.ConnectionString, schema));
    }
}
