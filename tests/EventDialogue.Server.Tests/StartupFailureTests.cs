using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests;

public sealed class StartupFailureTests
{
    [Fact]
    public async Task Given_an_unknown_backend_on_the_command_line_when_the_server_starts_then_it_exits_non_zero_naming_the_setting()
    {
        using var workingDirectory = new TempDirectory();
        await using var server = ServerProcess.Start(workingDirectory.Path, settings: new Dictionary<string, string>
        {
            ["EventStore:Backend"] = "mongodb",
        });

        var exitCode = await server.WaitForExitAsync(Timeouts.ServerExit);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("EventStore:Backend", server.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_postgres_backend_from_an_EVENTDIALOGUE_variable_and_no_connection_string_when_the_server_starts_then_it_exits_non_zero_naming_the_setting()
    {
        using var workingDirectory = new TempDirectory();
        await using var server = ServerProcess.Start(workingDirectory.Path, environment: new Dictionary<string, string>
        {
            ["EVENTDIALOGUE_EventStore__Backend"] = "postgres",
        });

        var exitCode = await server.WaitForExitAsync(Timeouts.ServerExit);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("EventStore:PostgresConnectionString", server.Output.ToString(), StringComparison.Ordinal);
    }
}
