using System.Diagnostics;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>The real server, run as `dotnet EventDialogue.Server.dll` on free loopback ports; killed on dispose.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const string EnvironmentPrefix = "EVENTDIALOGUE_";
    private readonly Process _process;

    private readonly Func<HttpMessageHandler>? _httpHandler;

    private ServerProcess(Process process, Uri grpcAddress, Uri jsonAddress, CapturedOutput output, Func<HttpMessageHandler>? httpHandler)
    {
        _process = process;
        GrpcAddress = grpcAddress;
        JsonAddress = jsonAddress;
        Output = output;
        _httpHandler = httpHandler;
        // Also waits for the end of stdout and stderr, so the output is complete once it has finished.
        Exited = process.WaitForExitAsync();
    }

    public Uri GrpcAddress { get; }

    public Uri JsonAddress { get; }

    public CapturedOutput Output { get; }

    public Task Exited { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The server's process id, for reading what it costs (CPU, memory) from /proc.</summary>
    public int ProcessId => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <param name="workingDirectory">Where relative paths in the configuration resolve.</param>
    /// <param name="settings">Configuration keys and values, passed on the command line.</param>
    /// <param name="environment">Variables for the child; EVENTDIALOGUE_ ones from this process are not passed on.</param>
    /// <param name="scheme">http, or https for a server given a certificate in <paramref name="settings"/>.</param>
    /// <param name="listenHost">The host both endpoints bind; clients connect through 127.0.0.1 whatever it is.</param>
    /// <param name="httpHandler">The handler of the channels <see cref="CreateChannel"/> makes (one that trusts the test's CA, for https).</param>
    public static ServerProcess Start(
        string workingDirectory,
        IReadOnlyDictionary<string, string>? settings = null,
        IReadOnlyDictionary<string, string>? environment = null,
        string scheme = "http",
        string listenHost = "127.0.0.1",
        Func<HttpMessageHandler>? httpHandler = null)
    {
        var ports = FreePorts.Take(2);
        var grpcAddress = new Uri($"{scheme}://127.0.0.1:{ports[0]}");
        var jsonAddress = new Uri($"{scheme}://127.0.0.1:{ports[1]}");
        var startInfo = new ProcessStartInfo(BuiltAssemblies.DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(BuiltAssemblies.Server());
        startInfo.ArgumentList.Add($"--Kestrel:Endpoints:Grpc:Url={scheme}://{listenHost}:{ports[0]}");
        startInfo.ArgumentList.Add($"--Kestrel:Endpoints:Json:Url={scheme}://{listenHost}:{ports[1]}");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            startInfo.ArgumentList.Add($"--{key}={value}");
        }

        // A developer's own EVENTDIALOGUE_ settings (or the test's database variable) must not steer the server under test.
        foreach (var key in startInfo.Environment.Keys.Where(key => key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var output = new CapturedOutput();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) => output.Append(line.Data);
        process.ErrorDataReceived += (_, line) => output.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, grpcAddress, jsonAddress, output, httpHandler);
    }

    public GrpcChannel CreateChannel() => _httpHandler is null
        ? GrpcChannel.ForAddress(GrpcAddress)
        : GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions { HttpHandler = _httpHandler() });

    /// <summary>The exit code once the process has ended on its own within the timeout.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await Exited.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The server was still running after {timeout}. Output:\n{Output}");
        }

        return ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended between the check and the kill: nothing left to stop.
            }
        }

        await Exited.WaitAsync(Timeouts.ServerExit);
        _process.Dispose();
    }
}
