using System.Diagnostics;
using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Errors;

/// <summary>
/// The real server on a PostgreSQL cluster of its own (scripts/postgres-cluster.sh), which a test can stop under it
/// as an outage would, without touching the cluster other tests share.
/// </summary>
public sealed class StoreOutageServer : IAsyncLifetime
{
    private readonly string _workingDirectory = TempDirectory.Create();
    private ServerProcess? _server;
    private GrpcChannel? _channel;

    public RecordingService.RecordingServiceClient Client => new(_channel ?? throw NotStarted());

    internal CapturedOutput Log => (_server ?? throw NotStarted()).Output;

    private string ClusterDirectory => Path.Combine(_workingDirectory, "pg");

    public async Task InitializeAsync()
    {
        try
        {
            var connectionString = (await ClusterAsync("start")).Trim();
            _server = ServerProcess.Start(_workingDirectory, TestPostgres.ServerSettings("outage"), TestPostgres.ServerEnvironment(connectionString));
            await _server.WaitUntilServingAsync(Timeouts.ServerStart);
            _channel = _server.CreateChannel();
        }
        catch
        {
            // xunit may not dispose a fixture whose start failed: never leave the processes behind.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the cluster at once (pg_ctl -m immediate): every connection the server holds is cut, every new one refused.</summary>
    public Task StopDatabaseAsync() => ClusterAsync("stop");

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        _channel = null;
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        await ClusterAsync("stop");
        TempDirectory.Delete(_workingDirectory);
    }

    private async Task<string> ClusterAsync(string verb)
    {
        var startInfo = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "postgres-cluster.sh"));
        startInfo.ArgumentList.Add(verb);
        startInfo.ArgumentList.Add(ClusterDirectory);
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Timeouts.ServerStart);
        Assert.True(process.ExitCode == 0, $"postgres-cluster.sh {verb} failed: {await errors}");
        return await output;
    }

    private static InvalidOperationException NotStarted() => new("The server has not been started.");
}
