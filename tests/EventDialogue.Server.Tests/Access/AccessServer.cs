using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Access;

/// <summary>
/// The real server on a SQLite file of its own, started once for the access tests, with its gRPC and JSON endpoints;
/// tests make keys of their own through the admin key and keep apart by their names.
/// </summary>
public sealed class AccessServer : IAsyncLifetime
{
    private readonly string _workingDirectory = TempDirectory.Create();
    private ServerProcess? _server;
    private GrpcChannel? _admin;

    internal ServerProcess Process => _server ?? throw NotStarted();

    public Uri JsonAddress { get; private set; } = null!;

    public KeysService.KeysServiceClient AdminKeys => new(_admin ?? throw NotStarted());

    public GrpcChannel AdminChannel => _admin ?? throw NotStarted();

    public string Output => _server?.Output.ToString() ?? string.Empty;

    public async Task InitializeAsync()
    {
        try
        {
            JsonAddress = new Uri($"http://127.0.0.1:{FreePorts.Take(1)[0]}");
            _server = ServerProcess.Start(_workingDirectory, new Dictionary<string, string>
            {
                ["EventStore:Backend"] = "sqlite",
                ["EventStore:SqlitePath"] = Path.Combine(_workingDirectory, "access.sqlite"),
                ["Kestrel:Endpoints:Json:Url"] = JsonAddress.ToString(),
            });
            await _server.WaitUntilServingAsync(Timeouts.ServerStart);
            _admin = _server.CreateChannel();
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

    public GrpcChannel Channel(string? apiKey) => Process.CreateChannel(apiKey);

    public HttpClient NewJsonClient(string? apiKey) => new()
    {
        BaseAddress = JsonAddress,
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

        TempDirectory.Delete(_workingDirectory);
    }

    private static InvalidOperationException NotStarted() => new("The server has not been started.");
}

[CollectionDefinition(Name)]
public sealed class AccessGroup : ICollectionFixture<AccessServer>
{
    public const string Name = "Access on SQLite";
}
