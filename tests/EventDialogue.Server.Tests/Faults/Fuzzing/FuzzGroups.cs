using EventDialogue.Server.Tests.Recording;

namespace EventDialogue.Server.Tests.Faults.Fuzzing;

// One server process per backend for both fuzzers, one after the other: each checks that the process stays up and that
// a refused call leaves the log's head where it was, which holds just as well on a server the other fuzzer has used.
[CollectionDefinition(Name)]
public sealed class SqliteFuzzGroup : ICollectionFixture<SqliteRecordingServer>
{
    public const string Name = "Fuzzing a server process on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresFuzzGroup : ICollectionFixture<PostgresRecordingServer>
{
    public const string Name = "Fuzzing a server process on PostgreSQL";
}
