using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.Access;

/// <summary>`eventdialogue keys …` as an admin uses it, and the client with no key or a revoked one.</summary>
[Collection(AccessProcessGroup.Name)]
public sealed class KeysCommandLineTests(AccessServerProcess server)
{
    private string Server => server.Process.GrpcAddress.ToString();

    [Fact]
    public async Task Given_an_admin_key_when_a_key_is_created_listed_and_revoked_through_the_client_then_it_works_until_revoked_and_the_list_says_so()
    {
        var name = $"cli-importer-{Guid.NewGuid():N}"[..24];

        var created = await CliProcess.RunAsync("keys", "create", "--name", name, "--role", "recorder", "--role", "analyst", "--server", Server);
        Assert.True(created.ExitCode == 0, created.ToString());
        var key = created.Stdout.Trim();
        Assert.StartsWith("edk_", key, StringComparison.Ordinal);
        Assert.Contains("shown only now", created.Stderr, StringComparison.Ordinal);

        var used = await CliProcess.RunWithKeyAsync(key, "rounds", "list", "--server", Server);
        Assert.True(used.ExitCode == 0, used.ToString());

        var listed = await CliProcess.RunAsync("keys", "list", "--server", Server);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains(listed.Stdout.Split('\n'), line => line.Contains(name, StringComparison.Ordinal) && line.Contains("recorder, analyst", StringComparison.Ordinal));
        Assert.DoesNotContain(key, listed.Stdout, StringComparison.Ordinal);

        var revoked = await CliProcess.RunAsync("keys", "revoke", name, "--server", Server);
        Assert.True(revoked.ExitCode == 0, revoked.ToString());

        var refused = await CliProcess.RunWithKeyAsync(key, "rounds", "list", "--server", Server);
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("not accepted", refused.Stderr, StringComparison.Ordinal);
        var relisted = await CliProcess.RunAsync("keys", "list", "--json", "--server", Server);
        Assert.Contains("\"revokedAt\"", relisted.Stdout.Split("\"name\"").Single(part => part.Contains(name, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_no_key_anywhere_when_the_client_calls_then_it_exits_refused_saying_a_credential_is_needed()
    {
        var run = await CliProcess.RunWithKeyAsync(null, "rounds", "list", "--server", Server);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("needs a credential", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_key_on_the_command_line_when_the_client_calls_then_it_is_used_over_the_environment_s()
    {
        var (_, key) = await server.CreateKeyAsync("cli-option", "analyst");

        var run = await CliProcess.RunWithKeyAsync("edk_not-the-one", "rounds", "list", "--api-key", key, "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
    }
}
