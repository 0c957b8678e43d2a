using System.Diagnostics;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>
/// A PostgreSQL cluster of one test's own (scripts/postgres-cluster.sh), which the test may restart, stop and start
/// again without disturbing the cluster other tests share.
/// </summary>
internal sealed class OwnPostgresCluster : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);
    private readonly string _directory;

    private OwnPostgresCluster(string directory, string connectionString)
    {
        _directory = directory;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<OwnPostgresCluster> StartAsync()
    {
        var directory = Path.Combine(TempDirectory.Create(), "pg");
        // the port from the test process's own hand-out, so that no server started meanwhile is given it too
        var run = await RunAsync("start", directory, FreePorts.Take(1)[0]);
        return new OwnPostgresCluster(directory, run.Stdout.Trim());
    }

    /// <summary>pg_ctl restart -m fast: every session is terminated (57P01) and the server is back at once.</summary>
    public Task RestartAsync() => RunAsync("restart", _directory);

    /// <summary>Shuts the server down (pg_ctl stop -m fast) until <see cref="ResumeAsync"/>.</summary>
    public Task PauseAsync() => RunAsync("pause", _directory);

    public Task ResumeAsync() => RunAsync("resume", _directory);

    public async ValueTask DisposeAsync()
    {
        await RunAsync("stop", _directory);
        TempDirectory.Delete(Path.GetDirectoryName(_directory)!);
    }

    private static async Task<ProcessRun> RunAsync(string verb, string directory, int? port = null)
    {
        var script = Path.Combine(RepositoryPaths.Root, "scripts", "postgres-cluster.sh");
        var startInfo = new ProcessStartInfo("bash", [script, verb, directory]);
        if (port is { } chosen)
        {
            startInfo.Environment["POSTGRES_CLUSTER_PORT"] = $"{chosen}";
        }

        var run = await ChildProcess.RunAsync(startInfo, ScriptTimeout);
        Assert.True(run.ExitCode == 0, $"postgres-cluster.sh {verb} failed: {run}");
        return run;
    }
}
