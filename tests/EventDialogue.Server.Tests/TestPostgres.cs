using Npgsql;

namespace EventDialogue.Server.Tests;

/// <summary>The PostgreSQL server the test runner provides, and throwaway schemas on it.</summary>
internal static class TestPostgres
{
    public const string Variable = "EVENTDIALOGUE_TEST_POSTGRES";

    /// <summary>Fails the test, rather than skipping it, when no database was given: a skipped backend looks like a passed one.</summary>
    public static string ConnectionString()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Assert.Fail($"{Variable} is not set. Start a throwaway cluster and export its connection string: " +
                $"export {Variable}=$(scripts/postgres-cluster.sh start \"$(mktemp -d)/pg\")");
        }

        return connectionString;
    }

    public static string NewSchemaName() => $"server_test_{Guid.NewGuid():N}";

    /// <summary>The server's settings for a schema of the test database, passed on its command line.</summary>
    public static Dictionary<string, string> ServerSettings(string schema) => new()
    {
        ["EventStore:Backend"] = "postgres",
        ["EventStore:PostgresSchema"] = schema,
    };

    /// <summary>The connection string goes to the server through its environment, not its command line, where any local user could read the password.</summary>
    public static Dictionary<string, string> ServerEnvironment(string connectionString) => new()
    {
        ["EVENTDIALOGUE_EventStore__PostgresConnectionString"] = connectionString,
    };

    public static async Task DropSchemaAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
