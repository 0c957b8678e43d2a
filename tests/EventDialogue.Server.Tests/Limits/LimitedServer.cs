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
/// Each test calls from its own loopback address (127.0.0.x), so that each has a principal of its own.
/// </summary>
public sealed class RateLimitedServer : LimitedServer
{
    public const int Calls = 5;

    protected override IReadOnlyDictionary<string, string> Limits { get; } = new Dictionary<string, string>
    {
        ["Limits:RateLimit:Calls"] = $"{Calls}",
        ["Limits:RateLimit:WindowSeconds"] = "86400",
    };
}
