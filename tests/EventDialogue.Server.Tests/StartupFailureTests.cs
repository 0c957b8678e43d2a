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

    [Theory]
    [InlineData("0")]
    [InlineData("1000001")]
    [InlineData("5k")]
    [InlineData("-20")]
    public async Task Given_a_catching_up_batch_size_that_is_not_a_whole_number_from_1_to_a_million_when_the_server_starts_then_it_exits_2_naming_the_setting_and_the_value(string size)
    {
        using var workingDirectory = new TempDirectory();
        await using var server = ServerProcess.Start(workingDirectory.Path, settings: new Dictionary<string, string>
        {
            ["Views:CatchUpBatchSize"] = size,
        });

        var exitCode = await server.WaitForExitAsync(Timeouts.ServerExit);

        var output = server.Output.ToString();
        Assert.True(exitCode == 2, output);
        Assert.Contains($"Views:CatchUpBatchSize is '{size}': give a whole number of events from 1 to 1000000", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(workingDirectory.Path, "data", "eventdialogue.sqlite")), "the server opened a store before refusing its settings");
    }
}
