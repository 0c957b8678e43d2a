using System.Globalization;
using EventDialogue.EventStore;
using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Sqlite;

// usage: sqlite PATH | postgres CONNECTION_STRING SCHEMA
// Appends to a few streams as fast as it can and prints "ack <position> <event id>..." once each append returns,
// so the test that kills it knows exactly which events were acknowledged. Stops by itself after MaxAppends.
const int MaxAppends = 100_000;

await using IEventStore store = args[0] switch
{
    "sqlite" => SqliteEventStore.Open(args[1]),
    "postgres" => await PostgresEventStore.OpenAsync(args[1], args[2]),
    _ => throw new ArgumentException($"unknown backend '{args[0]}'"),
};

var metadata = new EventMetadata("crash-writer", "crash-test");
var stdout = Console.Out;
for (var i = 0; i < MaxAppends; i++)
{
    var events = Enumerable.Range(0, 1 + (i % 3))
        .Select(n => new EventData(Guid.NewGuid(), "CrashTestAppended", $$"""{"append":{{i}},"n":{{n}}}""", metadata))
        .ToArray();
    var result = await store.AppendToStreamAsync(StreamName.Parse($"crash-{i % 4}"), ExpectedRevision.Any, events);
    await stdout.WriteLineAsync($"ack {result.Position.Value.ToString(CultureInfo.InvariantCulture)} {string.Join(' ', events.Select(e => e.EventId))}");
    await stdout.FlushAsync();
}
