using System.Diagnostics;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.EventStoreDb;

/// <summary>
/// EventStoreDB's Node client, pinned in client/package-lock.json and installed by the first test that needs it with
/// npm ci (under a lock on the folder, as scripts/buf.sh does for buf), so that a clean clone needs nothing by hand.
/// </summary>
internal static class NodeClient
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "EventDialogue.Server.Tests", "EventStoreDb", "client");

    public static string Script => Path.Combine(Folder, "session.js");

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    public static async Task EnsureInstalledAsync()
    {
        var startInfo = new ProcessStartInfo("flock") { WorkingDirectory = Folder };
        foreach (var argument in new[]
                 {
                     Folder, "bash", "-c",
                     "[ -f node_modules/@eventstore/db-client/package.json ] || npm ci --no-audit --no-fund --loglevel=error",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var run = await ChildProcess.RunAsync(startInfo, InstallTimeout);
        Assert.True(run.ExitCode == 0, $"npm ci of the EventStoreDB client failed: {run}");
    }
}
