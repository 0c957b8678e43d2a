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
                settings: TestPostgres.ServerSettings(schema),
                environment: TestPostgres.ServerEnvironment(connectionString));

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
