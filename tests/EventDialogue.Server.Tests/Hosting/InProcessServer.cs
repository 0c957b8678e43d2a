extern alias server;

using EventDialogue.Client.Connection;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>
/// The real server — its Program, settings, store, middleware and services — run in the test process on ASP.NET Core's
/// test server instead of Kestrel: no process to start, no ports, calls through the test server's handler. For tests of
/// what the server answers (request mapping, validation, error statuses); start-up, restart, crashes, sockets and TLS
/// stay with <see cref="ServerProcess"/>. Settings are the ones a child would get on its command line, read by the
/// same code; the environment is not used (it is shared by every server in the process). What it logs is captured.
/// </summary>
internal sealed class InProcessServer : IServerUnderTest, IAsyncDisposable
{
    private readonly Factory _factory;

    private InProcessServer(Factory factory, CapturedOutput output)
    {
        _factory = factory;
        Output = output;
    }

    public CapturedOutput Output { get; }

    /// <summary>The server's own services (its meters, say), for what a test observes inside the process.</summary>
    public IServiceProvider Services => _factory.Services;

    /// <param name="workingDirectory">The server's folder: its admin key file, and its signing key unless the settings place it.</param>
    /// <param name="settings">Configuration keys and values, as <see cref="ServerProcess.Start"/> takes them; paths in them must be full paths.</param>
    public static async Task<InProcessServer> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var all = new Dictionary<string, string>(settings, StringComparer.OrdinalIgnoreCase);
        all.TryAdd(ServerProcess.AdminKeyFileSetting, ServerProcess.WriteAdminKeyFile(workingDirectory));
        // The default key path of a PostgreSQL server is relative to the working directory, which this process shares.
        all.TryAdd("Integrity:SigningKeyPath", Path.Combine(workingDirectory, "log.key"));
        var output = new CapturedOutput();
        var factory = new Factory(all, output);
        try
        {
            // Runs Program up to its start, on the test server; a start failure throws here, with the server's log.
            _ = factory.Server;
        }
        catch (Exception e)
        {
            await factory.DisposeAsync();
            throw new InvalidOperationException($"The in-process server did not start. Log:\n{output}", e);
        }

        return new InProcessServer(factory, output);
    }

    /// <summary>Settings given to a child as EVENTDIALOGUE_ variables (a password), as the configuration keys they set.</summary>
    public static IEnumerable<KeyValuePair<string, string>> SettingsOf(IReadOnlyDictionary<string, string>? environment) =>
        (environment ?? new Dictionary<string, string>())
            .Where(variable => variable.Key.StartsWith(ServerProcess.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(variable => KeyValuePair.Create(variable.Key[ServerProcess.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), variable.Value));

    public GrpcChannel CreateChannel() => CreateChannel(ServerProcess.AdminKey);

    public GrpcChannel CreateChannel(string? apiKey) => ServerChannel.Create(_factory.Server.BaseAddress, apiKey, _factory.Server.CreateHandler());

    /// <summary>A client of the JSON transcoding routes that calls as admin; the caller disposes it.</summary>
    public HttpClient NewJsonClient() => NewJsonClient(ServerProcess.AdminKey);

    /// <summary>A client of the JSON transcoding routes that calls with this key, or with none; the caller disposes it.</summary>
    public HttpClient NewJsonClient(string? apiKey)
    {
        var client = _factory.CreateClient();
        client.Timeout = Timeouts.Call;
        client.DefaultRequestHeaders.Authorization = apiKey is null ? null : new("Bearer", apiKey);
        return client;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private sealed class Factory(IReadOnlyDictionary<string, string> settings, CapturedOutput output) : WebApplicationFactory<server::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            // Into the test's capture rather than onto the test run's console, one line per record as a test reads it.
            builder.ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(new CapturedLog(output));
            });
        }
    }
}
