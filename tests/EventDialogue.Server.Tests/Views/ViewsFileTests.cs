using EventDialogue.Api.V1;
using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.EventStore.Sqlite;
using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.Server.Tests.Hosting;
using Microsoft.Data.Sqlite;
using CaseName = EventDialogue.Domain.Cases.CaseName;
using Citation = EventDialogue.Domain.Common.Citation;
using ExpectedRevision = EventDialogue.EventStore.ExpectedRevision;

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

        var firstHead = await AppendCasesAsync(eventsPath, "first", count: 3);
        Assert.Equal(["first-0", "first-1", "first-2"], await CaseIdsAsync(workingDirectory.Path, settings, firstHead));
        Assert.True(File.Exists(SqliteViewStore.FileBeside(eventsPath)), "the views were not written to their own file beside the events'");

        // another log in the place of the first, longer than it: only the first event tells them apart
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(workingDirectory.Path, "history.sqlite*"))
        {
            File.Delete(file);
        }

        var secondHead = await AppendCasesAsync(eventsPath, "second", count: 5);
        Assert.True(secondHead > firstHead);

        Assert.Equal(["second-0", "second-1", "second-2", "second-3", "second-4"], await CaseIdsAsync(workingDirectory.Path, settings, secondHead));
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

    private static async Task<Position> AppendCasesAsync(string eventsPath, string prefix, int count)
    {
        await using var events = SqliteEventStore.Open(eventsPath);
        var metadata = new EventMetadata("views-file-test", "views-file-test");
        Position head = default;
        for (var c = 0; c < count; c++)
        {
            var opened = new CaseOpened($"{prefix}-{c}", "person", [new CaseName($"Person {c}", "Latn")], null, new Citation("views-file-source", null, null));
            var data = new EventData(Guid.NewGuid(), EventTypes.NameOf(opened), DomainEventJson.Serialize(opened), metadata);
            head = (await events.AppendToStreamAsync(StreamName.Parse($"case-{prefix}-{c}"), ExpectedRevision.NoStream, [data])).Position;
        }

        return head;
    }
}
