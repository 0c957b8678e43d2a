using System.Collections.Concurrent;
using EventDialogue.EventStore.Sqlite;
using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Tests;

/// <summary>
/// Alone in its collection: it looks at every file this process holds open, which other tests' stores would add to.
/// </summary>
[CollectionDefinition(nameof(SqliteTempDataTests), DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>
/// The store's appends and view transactions keep SQLite's temporary data in memory. A statement journal that outgrew
/// its in-memory allowance used to become a temporary file, which every later statement of the transaction then wrote
/// its pages to.
/// </summary>
[Collection(nameof(SqliteTempDataTests))]
public sealed class SqliteTempDataTests : IDisposable
{
    private const string Projection = "cases";
    private const string Collection = "case-files";
    private const int Documents = 20;
    private const int Writers = 4;
    private const int BatchesEach = 5;

    private readonly string _directory = Directory.CreateTempSubdirectory("eventdialogue-views-temp-").FullName;

    [Fact]
    public async Task Given_a_view_transaction_that_writes_large_documents_over_stored_ones_when_it_runs_then_SQLite_opens_no_temporary_file()
    {
        await using var views = SqliteViewStore.Open(Path.Combine(_directory, "views.sqlite"));
        await PutAllAsync(views, version: 1, new Position(1), whileOpen: () => { });

        var openWhileRewriting = new List<string>();
        await PutAllAsync(views, version: 2, new Position(2), whileOpen: () => openWhileRewriting.AddRange(SqliteTemporaryFiles()));

        Assert.Empty(openWhileRewriting);
        var rewritten = await views.GetAsync(Collection, "c7");
        Assert.NotNull(rewritten);
        Assert.Contains("v2-", rewritten.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_appends_of_large_batches_to_a_store_with_history_when_they_are_written_then_SQLite_opens_no_temporary_file()
    {
        await using var events = SqliteEventStore.Open(Path.Combine(_directory, "events.sqlite"));

        // a history first, so that new events' ids land on index pages written before their append began
        await AppendBatchesAsync(events, "history", batches: 20);

        var seen = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();

        // the journal lives only while its append's transaction does, so the open files are looked at all along
        var watching = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var file in SqliteTemporaryFiles())
                {
                    seen.Add(file);
                }
            }
        });

        // writers at once, so that their appends are also committed together, each in a savepoint of one transaction
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(() => AppendBatchesAsync(events, $"w{writer}", BatchesEach))));
        await stop.CancelAsync();
        await watching;

        Assert.Empty(seen);
        Assert.Equal((20 + (Writers * BatchesEach)) * 1000, (await events.ReadHeadPositionAsync()).Value);
    }

    private static async Task AppendBatchesAsync(SqliteEventStore events, string writer, int batches)
    {
        var metadata = new EventMetadata("test", "test");
        var data = $$"""{"text":"{{new string('x', 1000)}}"}""";
        for (var batch = 0; batch < batches; batch++)
        {
            await events.AppendToStreamAsync(StreamName.Parse($"case-{writer}b{batch}"), ExpectedRevision.NoStream, [.. Enumerable.Range(0, 1000).Select(_ => new EventData(Guid.NewGuid(), "V1.CaseStatusReported", data, metadata))]);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Each document about 150 KB, so that rewriting one changes far more than 64 KiB of pages.</summary>
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
