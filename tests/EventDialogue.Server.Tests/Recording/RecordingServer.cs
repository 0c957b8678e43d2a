using EventDialogue.Api.V1;
using EventDialogue.EventStore;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>
/// The real server on one backend, started once for a test collection: a gRPC client on its HTTP/2 endpoint, an
/// HTTP client on its JSON endpoint, and a second reader on the same store, so that a test can read back what the
/// server wrote while it runs. Tests share the server and keep apart by using ids of their own. A child process, or,
/// where <see cref="InProcess"/>, the same server in the test process (<see cref="InProcessServer"/>).
/// </summary>
public abstract class RecordingServer : IAsyncLifetime
{
    /// <summary>The name of the admin key the fixture calls with, so every event's recorded-by must be exactly this.</summary>
    public const string RecordedBy = "recording-desk-e2e";

    private readonly string _workingDirectory = TempDirectory.Create();
    private ServerProcess? _server;
    private InProcessServer? _inProcess;
    private GrpcChannel? _channel;
    private Uri? _jsonAddress;
    private IEventStore? _store;

    public RecordingService.RecordingServiceClient Client => new(_channel ?? throw NotStarted());

    /// <summary>A client of the HTTP/1.1 endpoint that serves the JSON transcoding routes; the caller disposes it.</summary>
    public HttpClient NewJsonClient() => _inProcess?.NewJsonClient() ?? new() { BaseAddress = _jsonAddress ?? throw NotStarted(), Timeout = Timeouts.Call, DefaultRequestHeaders = { Authorization = ServerProcess.AdminAuthorization } };

    /// <summary>The server's own store, opened a second time by the test process.</summary>
    public IEventStore Store => _store ?? throw NotStarted();

    internal ServerProcess Process => _server ?? throw new InvalidOperationException("The server runs in this process, not as a child.");

    /// <summary>The server when it runs in this process.</summary>
    internal InProcessServer InProcessHost => _inProcess ?? throw new InvalidOperationException("The server runs as a child, not in this process.");

    /// <summary>The server, whichever way it runs.</summary>
    internal IServerUnderTest Host => (IServerUnderTest?)_inProcess ?? _server ?? throw NotStarted();

    /// <summary>True to run the server in the test process rather than as a child.</summary>
    protected virtual bool InProcess => false;

    protected string WorkingDirectory => _workingDirectory;

    public async Task InitializeAsync()
    {
        try
        {
            if (InProcess)
            {
                var inProcessSettings = new Dictionary<string, string>(await BackendSettingsAsync()) { ["Security:AdminKeyName"] = RecordedBy };
                foreach (var (key, value) in InProcessServer.SettingsOf(BackendEnvironment()))
                {
                    inProcessSettings[key] = value;
                }

                _inProcess = await InProcessServer.StartAsync(_workingDirectory, inProcessSettings);
                _channel = _inProcess.CreateChannel();
                _store = await OpenStoreAsync();
                return;
            }

            var jsonAddress = new Uri($"http://127.0.0.1:{FreePorts.Take(1)[0]}");
            var settings = new Dictionary<string, string>(await BackendSettingsAsync())
            {
                // Later on the command line than ServerProcess's own choice, so this one wins.
                ["Kestrel:Endpoints:Json:Url"] = jsonAddress.ToString(),
                ["Security:AdminKeyName"] = RecordedBy,
            };
            _server = ServerProcess.Start(_workingDirectory, settings, BackendEnvironment());
            await _server.WaitUntilServingAsync(Timeouts.ServerStart);
            _channel = _server.CreateChannel();
            _jsonAddress = jsonAddress;
            _store = await OpenStoreAsync();
        }
        catch
        {
            // xunit may not dispose a fixture whose start failed: never leave the process behind.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
            _store = null;
        }

        _channel?.Dispose();
        _channel = null;
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        if (_inProcess is not null)
        {
            await _inProcess.DisposeAsync();
            _inProcess = null;
        }

        await CleanUpAsync();
        TempDirectory.Delete(_workingDirectory);
    }

    /// <summary>The store settings, passed on the command line.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string>> BackendSettingsAsync();

    /// <summary>Settings that must not appear on the command line (a password).</summary>
    protected virtual IReadOnlyDictionary<string, string>? BackendEnvironment() => null;

    /// <summary>Opens the store the server writes to, from the test process.</summary>
    protected abstract Task<IEventStore> OpenStoreAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    private static InvalidOperationException NotStarted() => new("The server has not been started.");
}
