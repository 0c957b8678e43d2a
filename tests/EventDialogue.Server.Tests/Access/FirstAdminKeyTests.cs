using System.Text.RegularExpressions;
using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Access;

/// <summary>The zero-set-up start: the first admin key, printed once or written to a file, and never again.</summary>
public sealed partial class FirstAdminKeyTests : IDisposable
{
    private readonly string _workingDirectory = TempDirectory.Create();

    public void Dispose() => TempDirectory.Delete(_workingDirectory);

    [Fact]
    public async Task Given_an_empty_store_when_the_server_starts_twice_then_the_first_start_prints_one_admin_key_that_works_and_the_second_prints_none()
    {
        string key;
        await using (var first = ServerProcess.Start(_workingDirectory, giveAdminKey: false))
        {
            await first.WaitUntilServingAsync(Timeouts.ServerStart);
            var printed = Keys().Matches(first.Output.ToString()).Select(m => m.Value).ToList();
            key = Assert.Single(printed);
            var listed = await ListKeysAsync(first, key);
            Assert.Equal(("admin", "(first start)"), (listed.Single().Name, listed.Single().CreatedBy));
            Assert.Equal(["recorder", "analyst", "auditor", "admin"], listed.Single().Roles);
        }

        await using var second = ServerProcess.Start(_workingDirectory, giveAdminKey: false);
        await second.WaitUntilServingAsync(Timeouts.ServerStart);
        Assert.Empty(Keys().Matches(second.Output.ToString()));
        Assert.Single(await ListKeysAsync(second, key));
        Assert.DoesNotContain(key, await File.ReadAllTextAsync(Path.Combine(_workingDirectory, "data", "eventdialogue.sqlite")), StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Given_an_admin_key_file_that_does_not_exist_when_the_server_first_starts_then_the_key_is_written_there_owner_only_and_not_printed()
    {
        var file = Path.Combine(_workingDirectory, "secrets", "admin.key");

        await using var server = ServerProcess.Start(_workingDirectory, new Dictionary<string, string> { [ServerProcess.AdminKeyFileSetting] = file, ["Security:AdminKeyName"] = "ops" });
        await server.WaitUntilServingAsync(Timeouts.ServerStart);

        var key = (await File.ReadAllTextAsync(file)).Trim();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.DoesNotContain(key, server.Output.ToString(), StringComparison.Ordinal);
        Assert.Equal("ops", (await ListKeysAsync(server, key)).Single().Name);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Given_an_admin_key_file_that_others_may_read_when_the_server_starts_then_it_refuses_naming_the_setting()
    {
        var file = ServerProcess.WriteAdminKeyFile(_workingDirectory);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        await using var server = ServerProcess.Start(_workingDirectory);

        Assert.Equal(2, await server.WaitForExitAsync(Timeouts.ServerExit));
        Assert.Contains("Security:AdminKeyFile", server.Output.ToString(), StringComparison.Ordinal);
        Assert.Contains("chmod 600", server.Output.ToString(), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<ApiKey>> ListKeysAsync(ServerProcess server, string key)
    {
        using var channel = server.CreateChannel(key);
        var keys = new KeysService.KeysServiceClient(channel);
        return (await keys.ListKeysAsync(new ListKeysRequest(), new CallOptions(deadline: DateTime.UtcNow + Timeouts.Call))).Keys;
    }

    [GeneratedRegex("edk_[A-Za-z0-9_-]{43}")]
    private static partial Regex Keys();
}
