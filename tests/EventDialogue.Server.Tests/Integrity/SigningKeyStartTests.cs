using EventDialogue.EventStore.Integrity;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.Integrity;

/// <summary>A signing key the server must not use stops it before it opens the store: one line, exit code 2.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SigningKeyStartTests
{
    [Fact]
    public async Task Given_a_key_file_that_its_group_may_read_when_the_server_starts_then_it_refuses_naming_the_setting_and_the_fix()
    {
        using var directory = new TempDirectory();
        var keyPath = Path.Combine(directory.Path, "log-key");
        using (var key = NoteKey.Generate("eventdialogue.local/log"))
        {
            await File.WriteAllTextAsync(keyPath, key.ToPrivateText());
        }

        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var run = await StartAsync(directory.Path, keyPath);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Integrity:SigningKeyPath", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("chmod 600", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(Path.Combine(directory.Path, "store.sqlite")), "the store was opened");
    }

    [Fact]
    public async Task Given_a_key_file_that_holds_no_key_when_the_server_starts_then_it_refuses_saying_so()
    {
        using var directory = new TempDirectory();
        var keyPath = Path.Combine(directory.Path, "log-key");
        await File.WriteAllTextAsync(keyPath, "not a key\n");
        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var run = await StartAsync(directory.Path, keyPath);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("is not a signing key", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_log_name_with_a_space_when_the_server_starts_then_it_refuses_naming_the_setting()
    {
        using var directory = new TempDirectory();

        var run = await StartAsync(directory.Path, Path.Combine(directory.Path, "log-key"), "--Integrity:LogName=my log");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Integrity:LogName", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.Path, "log-key")), "a key was created");
    }

    private static Task<ProcessRun> StartAsync(string directory, string keyPath, params string[] more) =>
        ServerRun.RunAsync(directory, ["--EventStore:SqlitePath=store.sqlite", $"--Integrity:SigningKeyPath={keyPath}", .. more]);
}
