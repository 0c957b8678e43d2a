using EventDialogue.EventStore.Sqlite;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Tests.Contract;

public sealed class SqliteEventStoreContract : EventStoreContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"eventdialogue-sqlite-{Guid.NewGuid():N}");

    private string DatabasePath => Path.Combine(_directory, "events.sqlite");

    protected override Task<IEventStore> OpenNewAsync() => Task.FromResult<IEventStore>(SqliteEventStore.Open(DatabasePath, Clock));

    protected override Task<IEventStore> ReopenAsync() => OpenNewAsync();

    protected override IEnumerable<string> CrashWriterArguments() => ["sqlite", DatabasePath];

    protected override string WithoutTheTreeSql => "DROP TABLE tree_leaves; DROP TABLE tree_subtrees; DROP TABLE tree_checkpoints; PRAGMA user_version = 1;";

    protected override string SchemaVersionSql => "PRAGMA user_version";

    protected override async Task<object?> ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
