using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using EventDialogue.Client.Connection;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>
/// The real server, run as `dotnet EventDialogue.Server.dll` on free loopback ports; killed on dispose. Each server
/// is given <see cref="AdminKey"/> through Security:AdminKeyFile, and the channels and clients made here send it, so a
/// test calls as an admin holding every role unless it asks for another key.
/// </summary>
internal sealed class ServerProcess : IServerUnderTest, IAsyncDisposable
{
    public const string AdminKeyFileSetting = "Security:AdminKeyFile";

    public const string EnvironmentPrefix = "EVENTDIALOGUE_";
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

    /// <summary>
    /// One admin key for every server this test process starts: servers that share a store (a group, a restart)
    /// store it once and accept it alike.
    /// </summary>
    public static string AdminKey { get; } = "edk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The header that carries <see cref="AdminKey"/>, for HTTP clients of the JSON endpoint.</summary>
    public static AuthenticationHeaderValue AdminAuthorization => new("Bearer", AdminKey);

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
    /// <param name="httpHandler">The handler of the channels <see cref="CreateChannel()"/> makes (one that trusts the test's CA, for https).</param>
    /// <param name="giveAdminKey">False to leave the first key to the server (printed on first start).</param>
    public static ServerProcess Start(
        string workingDirectory,
        IReadOnlyDictionary<string, string>? settings = null,
        IReadOnlyDictionary<string, string>? environment = null,
        string scheme = "http",
        string listenHost = "127.0.0.1",
        Func<HttpMessageHandler>? httpHandler = null,
        bool giveAdminKey = true)
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
        if (giveAdminKey && settings?.ContainsKey(AdminKeyFileSetting) != true)
        {
            startInfo.ArgumentList.Add($"--{AdminKeyFileSetting}={WriteAdminKeyFile(workingDirectory)}");
        }

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

    /// <summary>A channel that calls with <see cref="AdminKey"/>.</summary>
    public GrpcChannel CreateChannel() => CreateChannel(AdminKey);

    /// <summary>A channel that calls with this key, or with none.</summary>
    public GrpcChannel CreateChannel(string? apiKey) => ServerChannel.Create(GrpcAddress, apiKey, _httpHandler?.Invoke());

    /// <summary>Writes <see cref="AdminKey"/> owner-only (the server refuses a key file others may read) where the server will find it.</summary>
    public static string WriteAdminKeyFile(string directory)
    {
        var path = Path.Combine(directory, "test-admin.key");
        if (!File.Exists(path))
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(AdminKey + "\n");
        }

        return path;
    }

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
