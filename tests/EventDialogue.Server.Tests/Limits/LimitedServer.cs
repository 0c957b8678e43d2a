using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.Limits;

/// <summary>A server started with small limits, once per collection, on an empty SQLite store.</summary>
public abstract class LimitedServer : IAsyncLifetime
{
    private readonly string _workingDirectory = TempDirectory.Create();
    private ServerProcess? _server;

    internal ServerProcess Server => _server ?? throw new InvalidOperationException("The server has not been started.");

    protected abstract IReadOnlyDictionary<string, string> Limits { get; }

    public async Task InitializeAsync()
    {
        _server = ServerProcess.Start(_workingDirectory, Limits);
        try
        {
            await _server.WaitUntilServingAsync(Timeouts.ServerStart);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        TempDirectory.Delete(_workingDirectory);
    }
}

/// <summary>Small messages and two streams per connection; no rate limit, so that calls are refused only for size or streams.</summary>
public sealed class SizeLimitedServer : LimitedServer
{
    public const int MaxReceiveBytes = 4096;
    public const int MaxSendBytes = 1024;
    public const int MaxStreams = 2;

    protected override IReadOnlyDictionary<string, string> Limits { get; } = new Dictionary<string, string>
    {
        ["Limits:MaxReceiveMessageBytes"] = $"{MaxReceiveBytes}",
        ["Limits:MaxSendMessageBytes"] = $"{MaxSendBytes}",
        ["Limits:MaxStreamsPerConnection"] = $"{MaxStreams}",
        ["Limits:RateLimit:Calls"] = "0",
    };
}

/// <summary>
/// Five calls a day per principal: a window far longer than any test, so that what is counted is calls, never time.
/// Each test makes keys of its own, so that each counts against a principal of its own.
/// </summary>
public sealed class RateLimitedServer : LimitedServer
{
    public const int Calls = 5;

    /// <summary>
    /// A principal of the test's own, so that each test counts its own calls. Made with the admin key, whose calls count
    /// too: the tests make fewer keys than <see cref="Calls"/>.
    /// </summary>
    public async Task<(string Name, string Key)> CreateAnalystKeyAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        using var channel = Server.CreateChannel();
        var created = await new KeysService.KeysServiceClient(channel).CreateKeyAsync(
            new CreateKeyRequest { Name = name, Roles = { "analyst" } },
            deadline: DateTime.UtcNow + Timeouts.Call);
        return (name, created.Key);
    }

    protected override IReadOnlyDictionary<string, string> Limits { get; } = new Dictionary<string, string>
    {
        ["Limits:RateLimit:Calls"] = $"{Calls}",
        ["Limits:RateLimit:WindowSeconds"] = "86400",
    };
}
