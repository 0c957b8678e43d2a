using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Access;

/// <summary>
/// The real server on a SQLite file of its own, started once for the access tests, with its gRPC and JSON routes;
/// tests make keys of their own through the admin key and keep apart by their names. In the test process (who may
/// call what is a question of what the server answers), or, for <see cref="AccessServerProcess"/>, a child on a real
/// socket for the command-line client.
/// </summary>
public class AccessServer : IAsyncLifetime
{
    private readonly string _workingDirectory = TempDirectory.Create();
    private ServerProcess? _server;
    private InProcessServer? _inProcess;
    private GrpcChannel? _admin;

    internal ServerProcess Process => _server ?? throw new InvalidOperationException("The server runs in this process, not as a child.");

    public KeysService.KeysServiceClient AdminKeys => new(_admin ?? throw NotStarted());

    public GrpcChannel AdminChannel => _admin ?? throw NotStarted();

    /// <summary>False to run the server as a child process rather than in the test process.</summary>
    protected virtual bool InProcess => true;

    private IServerUnderTest Host => (IServerUnderTest?)_inProcess ?? _server ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["EventStore:Backend"] = "sqlite",
                ["EventStore:SqlitePath"] = Path.Combine(_workingDirectory, "access.sqlite"),
            };
            if (InProcess)
            {
                _inProcess = await InProcessServer.StartAsync(_workingDirectory, settings);
            }
            else
            {
                _server = ServerProcess.Start(_workingDirectory, settings);
                await _server.WaitUntilServingAsync(Timeouts.ServerStart);
            }

            _admin = Host.CreateChannel();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A new key of a name of its own (the given prefix and a suffix) holding these roles.</summary>
    public async Task<(string Name, string Key)> CreateKeyAsync(string prefix, params string[] roles)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 64)];
        var created = await AdminKeys.CreateKeyAsync(new CreateKeyRequest { Name = name, Roles = { roles } }, deadline: DateTime.UtcNow + Timeouts.Call);
        return (name, created.Key);
    }

    /// <summary>A new key, as <see cref="CreateKeyAsync"/>, that also holds the given clearances.</summary>
    public async Task<(string Name, string Key)> CreateClearedKeyAsync(string prefix, string[] cleared, params string[] roles)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 64)];
        var created = await AdminKeys.CreateKeyAsync(new CreateKeyRequest { Name = name, Roles = { roles }, Cleared = { cleared } }, deadline: DateTime.UtcNow + Timeouts.Call);
        return (name, created.Key);
    }

    public GrpcChannel Channel(string? apiKey) => Host.CreateChannel(apiKey);

    /// <summary>A client of the JSON transcoding routes that calls with this key, or with none; the caller disposes it.</summary>
    public HttpClient NewJsonClient(string? apiKey) => _inProcess?.NewJsonClient(apiKey) ?? new()
    {
        BaseAddress = Process.JsonAddress,
        Timeout = Timeouts.Call,
        DefaultRequestHeaders = { Authorization = apiKey is null ? null : new("Bearer", apiKey) },
    };

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        _admin = null;
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

        TempDirectory.Delete(_workingDirectory);
    }

    private static InvalidOperationException NotStarted() => new("The server has not been started.");
}

[CollectionDefinition(Name)]
public sealed class AccessGroup : ICollectionFixture<AccessServer>
{
    public const string Name = "Access on SQLite";
}

/// <summary>The same server as a child process, for the command-line client, which reaches it through a real socket.</summary>
public sealed class AccessServerProcess : AccessServer
{
    protected override bool InProcess => false;
}

[CollectionDefinition(Name)]
public sealed class AccessProcessGroup : ICollectionFixture<AccessServerProcess>
{
    public const string Name = "Access server process on SQLite";
}
