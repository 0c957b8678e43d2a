using System.Diagnostics;
using System.Text.RegularExpressions;
using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Core;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Integrity;

/// <summary>
/// The real server on one backend with its signing key in the default place, checkpoints signed every second, started
/// once per collection and restarted only by the tampering test (stop, edit the database, start). Remembers what the
/// first start printed, when the key was created.
/// </summary>
public abstract partial class IntegrityServer : IAsyncLifetime
{
    public const int CheckpointIntervalSeconds = 1;

    private static readonly TimeSpan Between = TimeSpan.FromMilliseconds(100);
    private ServerProcess? _server;
    private GrpcChannel? _channel;

    protected string WorkingDirectory { get; } = TempDirectory.Create();

    /// <summary>Where the server keeps its key when no setting says otherwise.</summary>
    public abstract string DefaultKeyPath { get; }

    /// <summary>Everything the first start printed (the key's creation among it).</summary>
    public string FirstStartOutput { get; private set; } = string.Empty;

    /// <summary>The verifier key the first start printed when it created the key.</summary>
    public string PrintedVerifierKey { get; private set; } = string.Empty;

    public GrpcChannel Channel => _channel ?? throw NotStarted();

    public Uri Address => _server?.GrpcAddress ?? throw NotStarted();

    internal ServerProcess Process => _server ?? throw NotStarted();

    public AuditService.AuditServiceClient Audit => new(Channel);

    public RecordingService.RecordingServiceClient Recording => new(Channel);

    public async Task InitializeAsync()
    {
        try
        {
            await PrepareAsync();
            await StartAsync();
            await Process.Output.WaitForAsync(text => CreatedLine().IsMatch(text), Timeouts.ServerStart);
            FirstStartOutput = Process.Output.ToString();
            PrintedVerifierKey = CreatedLine().Match(FirstStartOutput).Groups["key"].Value;
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync()
    {
        var settings = new Dictionary<string, string>(BackendSettings())
        {
            ["Integrity:CheckpointIntervalSeconds"] = CheckpointIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        _server = ServerProcess.Start(WorkingDirectory, settings, BackendEnvironment());
        await _server.WaitUntilServingAsync(Timeouts.ServerStart);
        _channel = _server.CreateChannel();
    }

    public async Task StopAsync()
    {
        _channel?.Dispose();
        _channel = null;
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    /// <summary>Runs SQL on the server's database behind its back, as someone with access to the file or the database could.</summary>
    public abstract Task ExecuteAsync(string sql);

    /// <summary>How an INSERT puts back a row with its own position (PostgreSQL's positions are GENERATED ALWAYS).</summary>
    public abstract string InsertKeepingPosition { get; }

    /// <summary>What goes after an INSERT's column list for it to keep the positions given (PostgreSQL's OVERRIDING SYSTEM VALUE).</summary>
    public abstract string KeepingPosition { get; }

    /// <summary>SQL that makes the next append skip one position, as a rolled-back append does.</summary>
    public abstract string SkipPosition { get; }

    /// <summary>SQL for a new random event id.</summary>
    public abstract string NewEventId { get; }

    /// <summary>Another, unstarted server of the same backend with a store and key of its own, for a test that ruins its log.</summary>
    public abstract IntegrityServer Fresh();

    /// <summary>The latest signed checkpoint once it covers the event at this position (asked as an inclusion proof that needs one).</summary>
    public async Task<GetCheckpointResponse> CheckpointCoveringAsync(long position)
    {
        var clock = Stopwatch.StartNew();
        var last = "none yet";
        while (clock.Elapsed < Timeouts.ServerStart)
        {
            try
            {
                var proof = await Audit.GetInclusionProofAsync(new GetInclusionProofRequest { Position = position }, deadline: DateTime.UtcNow + Timeouts.Call);
                return await Audit.GetCheckpointAsync(new GetCheckpointRequest { TreeSize = proof.TreeSize }, deadline: DateTime.UtcNow + Timeouts.Call);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound)
            {
                last = e.Status.Detail;
            }

            await Task.Delay(Between);
        }

        throw new TimeoutException($"no signed checkpoint covered position {position} within {Timeouts.ServerStart}; last answer: {last}");
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        await CleanUpAsync();
        TempDirectory.Delete(WorkingDirectory);
    }

    protected virtual Task PrepareAsync() => Task.CompletedTask;

    protected abstract IReadOnlyDictionary<string, string> BackendSettings();

    protected virtual IReadOnlyDictionary<string, string>? BackendEnvironment() => null;

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    [GeneratedRegex(@"Created the log's signing key in (?<file>\S+) \(owner-only\)\. Give auditors its verifier key: (?<key>\S+)")]
    internal static partial Regex CreatedLine();

    private static InvalidOperationException NotStarted() => new("The server has not been started.");
}
