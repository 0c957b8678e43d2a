using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Postgres.Views;
using EventDialogue.EventStore.Sqlite;
using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.EventStore.Tests.Fixtures;
using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>An event store and its views opened on each backend, for the contracts below.</summary>
internal static class BackendStores
{
    /// <summary>Both in one SQLite file in the directory, as the server keeps them.</summary>
    public static (IEventStore Events, IViewStore Views) Sqlite(string directory)
    {
        var path = Path.Combine(directory, "store.sqlite");
        return (SqliteEventStore.Open(path), SqliteViewStore.Open(path));
    }

    /// <summary>Both in a new schema of the test cluster.</summary>
    public static async Task<(IEventStore Events, IViewStore Views)> PostgresAsync(PostgresCluster cluster)
    {
        var schema = PostgresCluster.NewSchemaName();
        return (await PostgresEventStore.OpenAsync(cluster.ConnectionString, schema), await PostgresViewStore.OpenAsync(cluster.ConnectionString, schema));
    }
}

public sealed class SqliteProjectionEngineContract : ProjectionEngineContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"eventdialogue-engine-{Guid.NewGuid():N}");

    protected override Task<(IEventStore Events, IViewStore Views)> OpenAsync() => Task.FromResult(BackendStores.Sqlite(_directory));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

[Collection(PostgresTests.Name)]
public sealed class PostgresProjectionEngineContract(PostgresCluster cluster) : ProjectionEngineContract
{
    protected override Task<(IEventStore Events, IViewStore Views)> OpenAsync() => BackendStores.PostgresAsync(cluster);
}

public sealed class SqliteViewRebuildContract : ViewRebuildContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"eventdialogue-rebuild-{Guid.NewGuid():N}");

    protected override Task<(IEventStore Events, IViewStore Views)> OpenAsync() => Task.FromResult(BackendStores.Sqlite(_directory));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

[Collection(PostgresTests.Name)]
public sealed class PostgresViewRebuildContract(PostgresCluster cluster) : ViewRebuildContract
{
    protected override Task<(IEventStore Events, IViewStore Views)> OpenAsync() => BackendStores.PostgresAsync(cluster);
}

public sealed class SqliteRoundShownLinksContract : RoundShownLinksContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"eventdialogue-shown-{Guid.NewGuid():N}");

    protected override Task<(IEventStore Events, IViewStore Views)> OpenAsync() => Task.FromResult(BackendStores.Sqlite(_directory));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

[Collection(PostgresTests.Name)]
public sealed class PostgresRoundShownLinksContract(PostgresCluster cluster) : RoundShownLinksContract
{
    protected override Task<(IEventStore Events, IViewStore Views)> OpenAsync() => BackendStores.PostgresAsync(cluster);
}
