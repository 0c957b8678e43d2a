using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests;

/// <summary>What a user meets before the server serves anything: --help, a mistyped option, a port already taken.</summary>
public sealed class ServerCommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Given_help_when_the_server_runs_then_it_prints_every_setting_with_its_default_and_variable_and_exits_0_without_opening_a_store(string option)
    {
        using var workingDirectory = new TempDirectory();

        var run = await ServerRun.RunAsync(workingDirectory.Path, option);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var expected in new[]
        {
            "--EventStore:Backend", "EVENTDIALOGUE_EventStore__Backend", "default: sqlite",
            "--EventStore:SqlitePath", "default: data/eventdialogue.sqlite",
            "--EventStore:PostgresConnectionString", "--EventStore:PostgresSchema", "default: public",
            "--Security:AdminKeyFile", "EVENTDIALOGUE_Security__AdminKeyFile",
            "--Kestrel:Endpoints:Grpc:Url", "default: http://localhost:5080", "EVENTDIALOGUE_Kestrel__Endpoints__Grpc__Url",
            "--Kestrel:Endpoints:Json:Url", "default: http://localhost:5081", "EVENTDIALOGUE_Kestrel__Endpoints__Json__Url",
            "--Logging:LogLevel:Default", "default: Information",
        })
        {
            Assert.Contains(expected, run.Stdout, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Path.Combine(workingDirectory.Path, "data")), "--help created the default store's folder.");
    }

    [Theory]
    [InlineData("--frobnicate", "--frobnicate")]
    [InlineData("--EventStore:Bakend=sqlite", "EventStore:Bakend (did you mean EventStore:Backend?)")]
    public async Task Given_an_unknown_option_when_the_server_runs_then_it_exits_non_zero_naming_it_without_opening_a_store(string option, string named)
    {
        using var workingDirectory = new TempDirectory();

        var run = await ServerRun.RunAsync(workingDirectory.Path, option);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(workingDirectory.Path, "data")), "A refused start created the default store's folder.");
    }

    [Fact]
    public async Task Given_the_grpc_port_in_use_when_the_server_starts_then_it_exits_non_zero_with_one_line_naming_the_port_and_its_setting()
    {
        using var workingDirectory = new TempDirectory();
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var taken = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;

        var run = await ServerRun.RunAsync(
            workingDirectory.Path,
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{taken}",
            $"--Kestrel:Endpoints:Json:Url=http://127.0.0.1:{FreePorts.Take(1)[0]}");

        Assert.True(run.ExitCode is 1 or 2, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains($"port {taken} (Kestrel:Endpoints:Grpc:Url) is already in use", line, StringComparison.Ordinal);
        Assert.Contains("EVENTDIALOGUE_Kestrel__Endpoints__Grpc__Url", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stdout, StringComparison.Ordinal);
    }
}
