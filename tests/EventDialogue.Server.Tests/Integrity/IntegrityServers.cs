using Microsoft.Data.Sqlite;
using Npgsql;

namespace EventDialogue.Server.Tests.Integrity;

/// <summary>The server on a SQLite file of its own; its key beside the file.</summary>
public sealed class SqliteIntegrityServer : IntegrityServer
{
    private string SqlitePath => Path.Combine(WorkingDirectory, "audited.sqlite");

    public override string DefaultKeyPath => SqlitePath + ".log-key";

    public override string InsertKeepingPosition => "INSERT INTO events";

    public override string KeepingPosition => string.Empty;

    public override string SkipPosition => "UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'events'";

    public override string NewEventId => "randomblob(16)";

    public override IntegrityServer Fresh() => new SqliteIntegrityServer();

    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = SqlitePath, Pooling = false, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override IReadOnlyDictionary<string, string> BackendSettings() => new Dictionary<string, string>
    {
        ["EventStore:Backend"] = "sqlite",
        ["EventStore:SqlitePath"] = SqlitePath,
    };
}

/// <summary>The server on a fresh schema of the test PostgreSQL; its key in data/ under its working directory.</summary>
public sealed class PostgresIntegrityServer : IntegrityServer
{
    private readonly string _schema = TestPostgres.NewSchemaName();
    private string? _connectionString;

    public override string DefaultKeyPath => Path.Combine(WorkingDirectory, "data", "eventdialogue.log-key");

    public override string InsertKeepingPosition => "INSERT INTO events OVERRIDING SYSTEM VALUE";

    public override string KeepingPosition => "OVERRIDING SYSTEM VALUE";

    public override string SkipPosition => "SELECT nextval(pg_get_serial_sequence('events', 'position'))";

    public override string NewEventId => "gen_random_uuid()";

    public override IntegrityServer Fresh() => new PostgresIntegrityServer();

    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SET search_path TO \"{_schema}\"; {sql}", connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override Task PrepareAsync()
    {
        _connectionString = TestPostgres.ConnectionString();
        return Task.CompletedTask;
    }

    protected override IReadOnlyDictionary<string, string> BackendSettings() => TestPostgres.ServerSettings(_schema);

    protected override IReadOnlyDictionary<string, string>? BackendEnvironment() => TestPostgres.ServerEnvironment(_connectionString!);

    protected override async Task CleanUpAsync()
    {
        if (_connectionString is not null)
        {
            await TestPostgres.DropSchemaAsync(_connectionString, _schema);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteIntegrityGroup : ICollectionFixture<SqliteIntegrityServer>
{
    public const string Name = "Integrity on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresIntegrityGroup : ICollectionFixture<PostgresIntegrityServer>
{
    public const string Name = "Integrity on PostgreSQL";
}

[Collection(SqliteIntegrityGroup.Name)]
public sealed class SqliteIntegrityTests(SqliteIntegrityServer server) : IntegrityContract(server);

[Collection(PostgresIntegrityGroup.Name)]
public sealed class PostgresIntegrityTests(PostgresIntegrityServer server) : IntegrityContract(server);
