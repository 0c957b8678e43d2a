using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.Integrity;

/// <summary>A start-up check that cannot be read stops the server before it opens the store, naming the setting.</summary>
public sealed class StartupCheckSettingTests
{
    [Theory]
    [InlineData("-1")]
    [InlineData("many")]
    public async Task Given_a_start_up_check_size_that_is_not_a_count_when_the_server_starts_then_it_refuses_naming_the_setting(string value)
    {
        using var directory = new TempDirectory();

        var run = await ServerRun.RunAsync(directory.Path, ["--EventStore:SqlitePath=store.sqlite", $"--Integrity:StartupCheckEvents={value}"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Integrity:StartupCheckEvents", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.Path, "store.sqlite")), "the store was opened");
    }
}
