using EventDialogue.Api.V1;
using EventDialogue.Client.Connection;
using EventDialogue.Client.Dataset;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Views;

namespace EventDialogue.Server.Tests.ReferenceRecord;

/// <summary>
/// A real server on one backend with the reference record (data/reference) imported once, through the public API,
/// as `eventdialogue import` does; the views have caught up with it before any test reads them.
/// </summary>
public abstract class ReferenceRecordServer(ViewsServer server) : IAsyncLifetime
{
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(3);

    public ViewsServer Server { get; } = server;

    public ViewsService.ViewsServiceClient Views => Server.Views;

    public DatasetFolder Dataset { get; private set; } = null!;

    /// <summary>What the first import did.</summary>
    public ImportReport FirstImport { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        Dataset = DatasetFolder.Load(RepositoryPaths.ReferenceDataset, RepositoryPaths.Sources);
        FirstImport = await ImportAsync(Dataset);
    }

    public Task DisposeAsync() => Server.DisposeAsync();

    /// <summary>Imports a dataset and waits until every view shows it.</summary>
    public async Task<ImportReport> ImportAsync(DatasetFolder dataset)
    {
        using var timeout = new CancellationTokenSource(ImportTimeout);
        // each call may take as long as the whole import: a check of the whole dataset is one call, slow on a loaded machine
        var report = await new DatasetImporter(Server.Channel.CreateCallInvoker(), ImportTimeout).ImportAsync(dataset, progress: null, timeout.Token);
        await ViewsCatchUp.WaitAsync(Views, report.LastPosition, Timeouts.Call, timeout.Token);
        return report;
    }
}

// The command-line tests run the client against the SQLite record, so that one is a child on a real socket; the
// PostgreSQL one is only read through the API, in the test process.
public sealed class SqliteReferenceRecord() : ReferenceRecordServer(new SqliteViewsServer());

public sealed class PostgresReferenceRecord() : ReferenceRecordServer(new InProcessPostgresViewsServer());

[CollectionDefinition(Name)]
public sealed class SqliteReferenceRecordGroup : ICollectionFixture<SqliteReferenceRecord>
{
    public const string Name = "Reference record on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresReferenceRecordGroup : ICollectionFixture<PostgresReferenceRecord>
{
    public const string Name = "Reference record on PostgreSQL";
}

[Collection(SqliteReferenceRecordGroup.Name)]
public sealed class SqliteReferenceRecordTests(SqliteReferenceRecord record) : ReferenceRecordContract(record);

[Collection(PostgresReferenceRecordGroup.Name)]
public sealed class PostgresReferenceRecordTests(PostgresReferenceRecord record) : ReferenceRecordContract(record);
