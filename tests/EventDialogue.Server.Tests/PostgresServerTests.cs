using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task Given_a_postgres_database_when_the_server_starts_on_the_postgres_backend_with_a_fresh_schema_then_it_is_serving()
    {
        var connectionString = TestPostgres.ConnectionString();
        var schema = TestPostgres.NewSchemaName();
        using var workingDirectory = new TempDirectory();
        try
        {
            await using var server = ServerProcess.Start(
                workingDirectory.Path,
                settings: new Dictionary<string, string>
                {
                    ["EventStore:Backend"] = "postgres",
                    ["EventStore:PostgresSchema"] = schema,
                },
                // Through the environment rather than the command line, where any local user could read the password.
                environment: new Dictionary<string, string>
                {
                    ["EVENTDIALOGUE_EventStore__PostgresConnectionString"] = connectionString,
                });

            await server.WaitUntilServingAsync(Timeouts.ServerStart);

            await server.Output.WaitForAsync(text => text.Contains($"schema \"{schema}\"", StringComparison.Ordinal), Timeouts.Call);
            Assert.False(server.HasExited, $"The server has exited. Output:\n{server.Output}");
        }
        finally
        {
            await TestPostgres.DropSchemaAsync(connectionString, schema);
        }
    }
}
