using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.EventStore.Sqlite;
using ExpectedRevision = EventDialogue.EventStore.ExpectedRevision;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>A log of opened cases written straight into an SQLite file before a server starts on it.</summary>
internal static class OpenedCases
{
    /// <summary>Opens cases "{prefix}-0" to "{prefix}-{count - 1}", one stream each, and returns the log's head.</summary>
    public static async Task<Position> AppendAsync(string sqlitePath, string prefix, int count)
    {
        await using var events = SqliteEventStore.Open(sqlitePath);
        var metadata = new EventMetadata("opened-cases", "opened-cases");
        Position head = default;
        for (var c = 0; c < count; c++)
        {
            var opened = new CaseOpened($"{prefix}-{c}", "person", [new CaseName($"Person {c}", "Latn")], null, new Citation($"{prefix}-source", null, null));
            var data = new EventData(Guid.NewGuid(), EventTypes.NameOf(opened), DomainEventJson.Serialize(opened), metadata);
            head = (await events.AppendToStreamAsync(StreamName.Parse($"case-{prefix}-{c}"), ExpectedRevision.NoStream, [data])).Position;
        }

        return head;
    }
}
