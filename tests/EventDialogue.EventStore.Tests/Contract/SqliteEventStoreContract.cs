using EventDialogue.EventStore.Sqlite;

namespace EventDialogue.EventStore.Tests.Contract;

public sealed class SqliteEventStoreContract : EventStoreContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"eventdialogue-sqlite-{Guid.NewGuid():N}");

    private string DatabasePath => Path.Combine(_directory, "events.sqlite");

    protected override Task<IEventStore> OpenNewAsync() => Task.FromResult<IEventStore>(SqliteEventStore.Open(DatabasePath, Clock));

    protected override Task<IEventStore> ReopenAsync() => OpenNewAsync();

    protected override IEnumerable<string> CrashWriterArguments() => ["sqlite", DatabasePath];

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
