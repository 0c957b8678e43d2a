using EventDialogue.EventStore.Sqlite;
using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.Projections.Storage;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>
/// Views in a file of their own beside the events' file: kept across restarts of the same log, dropped when the file
/// they follow holds another log or a shorter copy of theirs, and removed from the events' file an earlier version
/// kept them in.
/// </summary>
public sealed class SqliteViewsFileTests : IDisposable
{
    private const string Projection = "cases";
    private const string Collection = "case-files";

    private readonly string _directory = Directory.CreateTempSubdirectory("eventdialogue-views-file-").FullName;

    private string ViewsPath => SqliteViewStore.FileBeside(Path.Combine(_directory, "events.sqlite"));

    [Fact]
    public void The_views_file_sits_beside_the_events_file_under_the_same_name()
    {
        Assert.Equal(Path.Combine("data", "eventdialogue.views.sqlite"), SqliteViewStore.FileBeside(Path.Combine("data", "eventdialogue.sqlite")));
        Assert.Equal(Path.Combine("data", "store.views.sqlite"), SqliteViewStore.FileBeside(Path.Combine("data", "store")));
    }

    [Fact]
    public async Task Given_views_built_from_a_log_when_opened_again_for_the_same_log_then_they_are_kept()
    {
        var views = SqliteViewStore.Open(ViewsPath);
        Assert.False(await views.DropUnlessBuiltFromAsync("log-a", Head(10)));
        await CommitDocumentAsync(views, new Position(7));

        var reopened = SqliteViewStore.Open(ViewsPath);
        Assert.False(await reopened.DropUnlessBuiltFromAsync("log-a", Head(12)));

        Assert.Equal(new Position(7), await reopened.ReadCheckpointAsync(Projection));
        Assert.NotNull(await reopened.GetAsync(Collection, "c1"));
    }

    [Fact]
    public async Task Given_views_built_from_a_log_when_opened_for_another_log_then_every_view_is_dropped()
    {
        var views = SqliteViewStore.Open(ViewsPath);
        await views.DropUnlessBuiltFromAsync("log-a", Head(10));
        await CommitDocumentAsync(views, new Position(7));

        var reopened = SqliteViewStore.Open(ViewsPath);
        Assert.True(await reopened.DropUnlessBuiltFromAsync("log-b", Head(50)));

        Assert.Equal(Position.Start, await reopened.ReadCheckpointAsync(Projection));
        Assert.Null(await reopened.GetAsync(Collection, "c1"));
        Assert.False(await reopened.DropUnlessBuiltFromAsync("log-b", Head(50)));
    }

    [Fact]
    public async Task Given_views_further_than_the_head_of_their_log_when_opened_then_every_view_is_dropped_so_that_no_event_appended_next_is_skipped()
    {
        var views = SqliteViewStore.Open(ViewsPath);
        await views.DropUnlessBuiltFromAsync("log-a", Head(10));
        await CommitDocumentAsync(views, new Position(9));

        // the events' file put back from an older copy: the same log, shorter
        var reopened = SqliteViewStore.Open(ViewsPath);
        Assert.True(await reopened.DropUnlessBuiltFromAsync("log-a", Head(5)));

        Assert.Equal(Position.Start, await reopened.ReadCheckpointAsync(Projection));
        Assert.Null(await reopened.GetAsync(Collection, "c1"));
    }

    [Fact]
    public async Task Given_views_built_with_no_record_of_their_log_when_opened_then_they_are_built_again_once_and_kept_from_then_on()
    {
        await CommitDocumentAsync(SqliteViewStore.Open(ViewsPath), new Position(3));

        var reopened = SqliteViewStore.Open(ViewsPath);
        Assert.True(await reopened.DropUnlessBuiltFromAsync("log-a", Head(3)));
        await CommitDocumentAsync(reopened, new Position(3));

        var again = SqliteViewStore.Open(ViewsPath);
        Assert.False(await again.DropUnlessBuiltFromAsync("log-a", Head(3)));
        Assert.NotNull(await again.GetAsync(Collection, "c1"));
    }

    [Fact]
    public async Task A_log_keeps_its_id_from_one_opening_to_the_next_and_another_file_has_another()
    {
        var path = Path.Combine(_directory, "events.sqlite");
        string first;
        await using (var events = SqliteEventStore.Open(path))
        {
            first = events.LogId;
        }

        await using (var again = SqliteEventStore.Open(path))
        {
            Assert.Equal(first, again.LogId);
        }

        await using var other = SqliteEventStore.Open(Path.Combine(_directory, "other.sqlite"));
        Assert.False(string.IsNullOrEmpty(first));
        Assert.NotEqual(first, other.LogId);
    }

    [Fact]
    public async Task Given_views_kept_in_the_events_file_when_they_are_dropped_from_it_then_the_events_are_all_still_there()
    {
        var eventsPath = Path.Combine(_directory, "events.sqlite");
        Position head;
        await using (var events = SqliteEventStore.Open(eventsPath))
        {
            head = (await events.AppendToStreamAsync(StreamName.Parse("case-c1"), ExpectedRevision.NoStream, [new EventData(Guid.NewGuid(), "V1.CaseOpened", "{}", new EventMetadata("test", "test"))])).Position;
            await CommitDocumentAsync(SqliteViewStore.Open(eventsPath), head);
        }

        SqliteViewStore.DropViewsFrom(eventsPath);

        Assert.Empty(ViewTables(eventsPath));
        await using (var events = SqliteEventStore.Open(eventsPath))
        {
            Assert.Equal(head, await events.ReadHeadPositionAsync());
            Assert.Single(await events.ReadAllAsync(Position.Start, AllFilter.None).ToListAsync());
        }

        SqliteViewStore.DropViewsFrom(eventsPath);
        Assert.Empty(ViewTables(eventsPath));
    }

    private static Func<CancellationToken, Task<Position>> Head(long position) => _ => Task.FromResult(new Position(position));

    private static async Task CommitDocumentAsync(SqliteViewStore views, Position checkpoint)
    {
        await using var transaction = await views.BeginAsync([Projection]);
        await transaction.PutAsync(new ViewDocument(Collection, "c1", """{"id":"c1"}""", "c1", [new ViewTag("kind", "person")], "Person one"));
        await transaction.CommitAsync(checkpoint);
    }

    private static List<string> ViewTables(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'view%'";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
