using System.Diagnostics;
using EventDialogue.Benchmarks.Backends;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Net.Client;

namespace EventDialogue.Benchmarks.Server;

/// <summary>
/// The real server as every part of the benchmark runs it: in a working folder of its own (deleted when it stops), on
/// free loopback ports, serving before it is handed out. The one place that starts the server and opens channels to
/// it, so that a setting every server needs (or a credential every call needs) is added here once.
/// </summary>
internal sealed class BenchmarkServer : IAsyncDisposable
{
    private readonly ServerProcess _process;
    private readonly string _directory;

    private BenchmarkServer(ServerProcess process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    public Uri GrpcAddress => _process.GrpcAddress;

    /// <summary>The server's process id, for reading what it costs (CPU, memory) from /proc.</summary>
    public int ProcessId => _process.ProcessId;

    /// <param name="store">Where the server's events are (the backend's settings and secrets).</param>
    /// <param name="settings">More configuration for this part, added to the store's.</param>
    /// <param name="workDirectory">The run's folder; the server's working folder goes in a subfolder of it.</param>
    public static async Task<BenchmarkServer> StartAsync(ServerStoreSettings store, IReadOnlyDictionary<string, string> settings, string workDirectory)
    {
        var directory = Directory.CreateDirectory(Path.Combine(workDirectory, $"server-{Guid.NewGuid():N}")).FullName;
        var all = new Dictionary<string, string>(store.CommandLine)
        {
            // The per-principal rate limit guards a server from one client's flood; the benchmark is that one client on
            // purpose, and a fast call (an empty one runs at 1,400 a second here) would be refused mid-run.
            ["Limits:RateLimit:Calls"] = "0",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var process = ServerProcess.Start(directory, all, store.Environment);
        var server = new BenchmarkServer(process, directory);
        try
        {
            await process.WaitUntilServingAsync(Timeouts.ServerStart);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public GrpcChannel CreateChannel() => _process.CreateChannel();

    /// <summary>
    /// Runs the built command-line client (`eventdialogue`) against this server, as an auditor would, to its end;
    /// throws with its output when it fails.
    /// </summary>
    public async Task<string> RunCliAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(BuiltAssemblies.DotnetHost())
        {
            WorkingDirectory = _directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(BuiltAssemblies.Cli());
        startInfo.ArgumentList.Add("--server");
        startInfo.ArgumentList.Add(GrpcAddress.ToString());
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Remove("EVENTDIALOGUE_SERVER");
        startInfo.Environment["EVENTDIALOGUE_API_KEY"] = ServerProcess.AdminKey;

        // The client's pins go in the server's folder, not the user's configuration.
        startInfo.Environment["XDG_CONFIG_HOME"] = _directory;
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("the command-line client did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The run was stopped: the client must not go on replaying the log behind it.
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"eventdialogue {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await errors}");
        }

        await errors;
        return await output;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
