using EventDialogue.Api.V1;
using EventDialogue.EventStore;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;

namespace EventDialogue.Server.Tests.History;

/// <summary>
/// The migration path, done once for the collection with the command-line client: a small history recorded on a SQLite
/// server is exported and restored into an empty PostgreSQL server, whose log is exported in turn and restored into an
/// empty SQLite server. A fourth server stays empty, for the restores that must be refused.
/// </summary>
public sealed class ExportRestoreServers : IAsyncLifetime
{
    private readonly string _folder = TempDirectory.Create();

    public SqliteRecordingServer Source { get; } = new();

    public PostgresRecordingServer Postgres { get; } = new();

    public SqliteRecordingServer Sqlite { get; } = new();

    public SqliteRecordingServer Empty { get; } = new();

    public RecordedHistory History { get; private set; } = null!;

    /// <summary>The source's export, as `history export` wrote it.</summary>
    public string SourceExport => Path.Combine(_folder, "source.jsonl");

    /// <summary>The PostgreSQL server's export, after the restore.</summary>
    public string PostgresExport => Path.Combine(_folder, "postgres.jsonl");

    internal IReadOnlyList<ProcessRun> MigrationRuns { get; private set; } = [];

    public string NewFilePath(string name) => Path.Combine(_folder, $"{Guid.NewGuid():N}-{name}");

    public async Task InitializeAsync()
    {
        // One after the other: four servers starting at once on a small, busy machine could outlast the start-up timeout.
        foreach (var server in new RecordingServer[] { Source, Postgres, Sqlite, Empty })
        {
            await server.InitializeAsync();
        }
        History = await RecordedHistory.RecordAsync(Source.Client, Source.Store);
        MigrationRuns =
        [
            await CliProcess.RunAsync("history", "export", SourceExport, "--server", Address(Source)),
            await CliProcess.RunAsync("history", "restore", SourceExport, "--server", Address(Postgres)),
            await CliProcess.RunAsync("history", "export", PostgresExport, "--server", Address(Postgres)),
            await CliProcess.RunAsync("history", "restore", PostgresExport, "--server", Address(Sqlite)),
        ];
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(Source.DisposeAsync(), Postgres.DisposeAsync(), Sqlite.DisposeAsync(), Empty.DisposeAsync());
        TempDirectory.Delete(_folder);
    }

    public static string Address(RecordingServer server) => server.Process.GrpcAddress.ToString();

    public static ViewsService.ViewsServiceClient Views(RecordingServer server) => new(server.Process.CreateChannel());

    public static HistoryService.HistoryServiceClient HistoryClient(RecordingServer server) => new(server.Process.CreateChannel());

    public static async Task<List<RecordedEvent>> LogOf(RecordingServer server) =>
        await server.Store.ReadAllAsync(Position.Start, AllFilter.None).ToListAsync();
}

[CollectionDefinition(Name)]
public sealed class ExportRestoreGroup : ICollectionFixture<ExportRestoreServers>
{
    public const string Name = "History export and restore, SQLite to PostgreSQL to SQLite";
}
