using EventDialogue.Api.V1;
using EventDialogue.EventStore;
using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.Server.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace EventDialogue.Server.Tests.Views;

/// <summary>The SQLite views live in a file of their own beside the events', which must never outlive the log it was built from.</summary>
public sealed class ViewsFileTests
{
    [Fact]
    public async Task Given_views_built_from_one_log_when_the_server_starts_on_another_log_in_its_place_then_the_views_show_only_the_new_log()
    {
        using var workingDirectory = new TempDirectory();
        var eventsPath = Path.Combine(workingDirectory.Path, "history.sqlite");
        var settings = new Dictionary<string, string> { ["EventStore:SqlitePath"] = eventsPath };

        var firstHead = await OpenedCases.AppendAsync(eventsPath, "first", count: 3);
        Assert.Equal(["first-0", "first-1", "first-2"], await CaseIdsAsync(workingDirectory.Path, settings, firstHead));
        Assert.True(File.Exists(SqliteViewStore.FileBeside(eventsPath)), "the views were not written to their own file beside the events'");

        // another log in the place of the first, longer than it: only the log's own id tells them apart
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(workingDirectory.Path, "history.sqlite*"))
        {
            File.Delete(file);
        }

        var secondHead = await OpenedCases.AppendAsync(eventsPath, "second", count: 5);
        Assert.True(secondHead > firstHead);

        Assert.Equal(["second-0", "second-1", "second-2", "second-3", "second-4"], await CaseIdsAsync(workingDirectory.Path, settings, secondHead));
    }

    [Fact]
    public async Task Given_a_views_file_in_a_folder_not_made_yet_when_the_server_starts_then_it_makes_the_folder_and_keeps_the_views_there()
    {
        using var workingDirectory = new TempDirectory();
        var eventsPath = Path.Combine(workingDirectory.Path, "history.sqlite");
        var viewsPath = Path.Combine(workingDirectory.Path, "elsewhere", "views.sqlite");
        var settings = new Dictionary<string, string> { ["EventStore:SqlitePath"] = eventsPath, ["EventStore:SqliteViewsPath"] = viewsPath };
        var head = await OpenedCases.AppendAsync(eventsPath, "kept", count: 2);

        Assert.Equal(["kept-0", "kept-1"], await CaseIdsAsync(workingDirectory.Path, settings, head));

        Assert.True(File.Exists(viewsPath), "the views were not written where EventStore:SqliteViewsPath says");
        Assert.False(File.Exists(SqliteViewStore.FileBeside(eventsPath)), "a views file was made beside the events' as well");
    }

    [Fact]
    public async Task Given_an_empty_views_path_when_the_server_runs_then_it_exits_non_zero_naming_the_setting_without_opening_a_store()
    {
        using var workingDirectory = new TempDirectory();

        var run = await ServerRun.RunAsync(workingDirectory.Path, "--EventStore:SqliteViewsPath=");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("EventStore:SqliteViewsPath is empty", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(workingDirectory.Path, "data")), "A refused start created the default store's folder.");
    }

    private static async Task<List<string>> CaseIdsAsync(string workingDirectory, Dictionary<string, string> settings, Position head)
    {
        await using var server = ServerProcess.Start(workingDirectory, settings);
        await server.WaitUntilServingAsync(Timeouts.ServerStart);
        using var channel = server.CreateChannel();
        var views = new ViewsService.ViewsServiceClient(channel);
        var page = await views.ListCaseFilesAsync(new ListCaseFilesRequest { MinPosition = head.Value, PageSize = 50 }, deadline: DateTime.UtcNow.Add(Timeouts.Call));
        return [.. page.CaseFiles.Select(c => c.CaseId).Order(StringComparer.Ordinal)];
    }
}
