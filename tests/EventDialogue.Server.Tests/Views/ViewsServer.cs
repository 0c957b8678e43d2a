using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Views;

/// <summary>
/// The real server on one backend, started once for a test collection: a recording client and a views client on its
/// HTTP/2 endpoint, and an HTTP client on its JSON endpoint. Tests share the server and keep apart by ids of their own.
/// A child process, or, where <see cref="InProcess"/>, the same server in the test process (<see cref="InProcessServer"/>).
/// </summary>
public abstract class ViewsServer : IAsyncLifetime
{
    private readonly string _workingDirectory = TempDirectory.Create();
    private ServerProcess? _server;
    private InProcessServer? _inProcess;
    private GrpcChannel? _channel;
    private Uri? _jsonAddress;

    public RecordingService.RecordingServiceClient Recording => new(_channel ?? throw NotStarted());

    public ViewsService.ViewsServiceClient Views => new(_channel ?? throw NotStarted());

    /// <summary>The channel to the HTTP/2 endpoint, for callers that build their own calls (the dataset importer).</summary>
    public GrpcChannel Channel => _channel ?? throw NotStarted();

    /// <summary>The HTTP/2 endpoint's address, for clients in other processes (the command-line client).</summary>
    public Uri GrpcAddress => _server?.GrpcAddress ?? throw NotStarted();

    /// <summary>A client of the HTTP/1.1 endpoint that serves the JSON transcoding routes; the caller disposes it.</summary>
    public HttpClient NewJsonClient() => _inProcess?.NewJsonClient() ?? new() { BaseAddress = _jsonAddress ?? throw NotStarted(), Timeout = Timeouts.Call, DefaultRequestHeaders = { Authorization = ServerProcess.AdminAuthorization } };

    /// <summary>What the server has logged so far, for the message of a failing assertion.</summary>
    public string Output => ((IServerUnderTest?)_inProcess ?? _server)?.Output.ToString() ?? string.Empty;

    /// <summary>True to run the server in the test process rather than as a child.</summary>
    protected virtual bool InProcess => false;

    protected string WorkingDirectory => _workingDirectory;

    public async Task InitializeAsync()
    {
        try
        {
            if (InProcess)
            {
                var inProcessSettings = new Dictionary<string, string>(await BackendSettingsAsync()) { ["Security:AdminKeyName"] = "views-e2e" };
                foreach (var (key, value) in InProcessServer.SettingsOf(BackendEnvironment()))
                {
                    inProcessSettings[key] = value;
                }

                _inProcess = await InProcessServer.StartAsync(_workingDirectory, inProcessSettings);
                _channel = _inProcess.CreateChannel();
                return;
            }

            var jsonAddress = new Uri($"http://127.0.0.1:{FreePorts.Take(1)[0]}");
            var settings = new Dictionary<string, string>(await BackendSettingsAsync())
            {
                // Later on the command line than ServerProcess's own choice, so this one wins.
                ["Kestrel:Endpoints:Json:Url"] = jsonAddress.ToString(),
                ["Security:AdminKeyName"] = "views-e2e",
            };
            _server = ServerProcess.Start(_workingDirectory, settings, BackendEnvironment());
            await _server.WaitUntilServingAsync(Timeouts.ServerStart);
            _channel = _server.CreateChannel();
            _jsonAddress = jsonAddress;
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

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    private static InvalidOperationException NotStarted() => new("The server has not been started.");
}

/// <summary>The server on a SQLite file of its own (events and views, searched with FTS5).</summary>
public class SqliteViewsServer : ViewsServer
{
    protected override Task<IReadOnlyDictionary<string, string>> BackendSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["EventStore:Backend"] = "sqlite",
            ["EventStore:SqlitePath"] = Path.Combine(WorkingDirectory, "views.sqlite"),
        });
}

/// <summary>The server on a fresh schema of the test PostgreSQL (EVENTDIALOGUE_TEST_POSTGRES), dropped afterwards.</summary>
public class PostgresViewsServer : ViewsServer
{
    private readonly string _schema = TestPostgres.NewSchemaName();
    private string? _connectionString;

    protected override Task<IReadOnlyDictionary<string, string>> BackendSettingsAsync()
    {
        _connectionString = TestPostgres.ConnectionString();
        return Task.FromResult<IReadOnlyDictionary<string, string>>(TestPostgres.ServerSettings(_schema));
    }

    protected override IReadOnlyDictionary<string, string> BackendEnvironment() => TestPostgres.ServerEnvironment(_connectionString!);

    protected override async Task CleanUpAsync()
    {
        if (_connectionString is not null)
        {
            await TestPostgres.DropSchemaAsync(_connectionString, _schema);
        }
    }
}

/// <summary>The server on its SQLite file, run in the test process.</summary>
public sealed class InProcessSqliteViewsServer : SqliteViewsServer
{
    protected override bool InProcess => true;
}

/// <summary>The server on its PostgreSQL schema, run in the test process.</summary>
public sealed class InProcessPostgresViewsServer : PostgresViewsServer
{
    protected override bool InProcess => true;
}

// The contract checks what the server answers, not how it runs: in process. Tests that drive the command-line client
// against a server (History) keep a child.
[CollectionDefinition(Name)]
public sealed class SqliteViewsGroup : ICollectionFixture<InProcessSqliteViewsServer>
{
    public const string Name = "Views service on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresViewsGroup : ICollectionFixture<InProcessPostgresViewsServer>
{
    public const string Name = "Views service on PostgreSQL";
}

// History's tests drive the command-line client against the server, so they share a child process of their own.
[CollectionDefinition(Name)]
public sealed class SqliteViewsProcessGroup : ICollectionFixture<SqliteViewsServer>
{
    public const string Name = "Views server process on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresViewsProcessGroup : ICollectionFixture<PostgresViewsServer>
{
    public const string Name = "Views server process on PostgreSQL";
}

[Collection(SqliteViewsGroup.Name)]
public sealed class SqliteViewsServiceTests(InProcessSqliteViewsServer server) : ViewsServiceContract(server);

[Collection(PostgresViewsGroup.Name)]
public sealed class PostgresViewsServiceTests(InProcessPostgresViewsServer server) : ViewsServiceContract(server);
