using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>
/// Alone in its collection: it looks at every file this process holds open, which other tests' stores would add to.
/// </summary>
[CollectionDefinition(nameof(SqliteViewTempDataTests), DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>
/// A view transaction keeps SQLite's temporary data in memory. A statement journal that outgrew its in-memory
/// allowance used to become a temporary file, which every later statement of the transaction then wrote its pages to.
/// </summary>
[Collection(nameof(SqliteViewTempDataTests))]
public sealed class SqliteViewTempDataTests : IDisposable
{
    private const string Projection = "cases";
    private const string Collection = "case-files";
    private const int Documents = 20;

    private readonly string _directory = Directory.CreateTempSubdirectory("eventdialogue-views-temp-").FullName;

    [Fact]
    public async Task Given_a_view_transaction_that_writes_large_documents_over_stored_ones_when_it_runs_then_SQLite_opens_no_temporary_file()
    {
        var views = SqliteViewStore.Open(Path.Combine(_directory, "views.sqlite"));
        await PutAllAsync(views, version: 1, new Position(1), whileOpen: () => { });

        var openWhileRewriting = new List<string>();
        await PutAllAsync(views, version: 2, new Position(2), whileOpen: () => openWhileRewriting.AddRange(SqliteTemporaryFiles()));

        Assert.Empty(openWhileRewriting);
        var rewritten = await views.GetAsync(Collection, "c7");
        Assert.NotNull(rewritten);
        Assert.Contains("v2-", rewritten.Json, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Each document a quarter of a megabyte, so that rewriting one changes far more than 64 KiB of pages.</summary>
    private static async Task PutAllAsync(SqliteViewStore views, int version, Position checkpoint, Action whileOpen)
    {
        await using var transaction = await views.BeginAsync([Projection]);
        for (var d = 0; d < Documents; d++)
        {
            var body = string.Concat(Enumerable.Range(0, 16_000).Select(i => $"v{version}-{d}-{i % 97:D2} "));
            await transaction.PutAsync(new ViewDocument(Collection, $"c{d}", $$"""{"id":"c{{d}}","body":"{{body}}"}""", $"c{d}", [new ViewTag("kind", "person"), new ViewTag("version", $"{version}")], body[..2000]));
            whileOpen();
        }

        await transaction.CommitAsync(checkpoint);
    }

    /// <summary>SQLite's temporary files (etilqs_*, deleted as soon as opened) that this process holds open now.</summary>
    private static IEnumerable<string> SqliteTemporaryFiles() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Select(fd => TryTarget(fd))
            .Where(target => target is not null && Path.GetFileName(target).StartsWith("etilqs_", StringComparison.Ordinal))
            .Select(target => target!);

    private static string? TryTarget(FileSystemInfo fd)
    {
        try
        {
            return fd.LinkTarget;
        }
        catch (IOException)
        {
            // a descriptor closed since the directory was listed
            return null;
        }
    }
}
