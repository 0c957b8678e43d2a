using EventDialogue.Api.V1;
using EventDialogue.EventStore;
using EventDialogue.EventStore.Postgres;
using EventDialogue.EventStore.Sqlite;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.Recording;

/// <summary>
/// A request whose response was lost when the server died is retried against the server started again on the same
/// store: request ids and what each request asked for live in the store, not in the process, so the retry still finds
/// the first result and a different request under the same id is still refused.
/// </summary>
public abstract class RetryAfterRestartContract
{
    [Fact]
    public async Task A_retry_sent_after_the_server_was_killed_and_started_again_returns_the_first_result_records_nothing_new_and_a_changed_request_under_its_id_is_refused()
    {
        using var workingDirectory = new TempDirectory();
        try
        {
            var (settings, environment) = Store(workingDirectory.Path);
            var sourceId = Valid.Id("source");
            var register = Valid.Source(sourceId);
            var (dialogueId, roundId) = (Valid.Id("dialogue"), Valid.Id("round"));
            var hold = Valid.HoldRound(roundId, dialogueId, sourceId);

            HoldRoundResponse first;
            await using (var server = await StartAsync(workingDirectory.Path, settings, environment))
            {
                var client = new RecordingService.RecordingServiceClient(server.Channel);
                await client.RegisterSourceAsync(register, Deadline());
                await client.EstablishDialogueAsync(Valid.Dialogue(dialogueId, sourceId), Deadline());
                first = await client.HoldRoundAsync(hold, Deadline());
            }

            HoldRoundResponse retry;
            var changed = hold.Clone();
            changed.Place = "Beijing";
            await using (var server = await StartAsync(workingDirectory.Path, settings, environment))
            {
                var client = new RecordingService.RecordingServiceClient(server.Channel);
                retry = await client.HoldRoundAsync(hold, Deadline());
                var reused = await GrpcRefusals.RefusedAsync(Grpc.Core.StatusCode.AlreadyExists, async () => await client.HoldRoundAsync(changed, Deadline()));
                Assert.Equal("REQUEST_ID_REUSED", reused.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
            }

            Replays.AssertReplayOf(first.Result, retry.Result);
            await using var store = await OpenStoreAsync(workingDirectory.Path);
            var events = new List<RecordedEvent>();
            await foreach (var recorded in store.ReadStreamAsync(StreamName.Parse($"round-{roundId}"), Direction.Forwards, StreamRevision.Start))
            {
                events.Add(recorded);
            }

            Assert.Equal(["RoundHeld"], events.Select(e => e.Type));
            Assert.Equal(hold.RequestId, events[0].Metadata.CorrelationId);
        }
        finally
        {
            await CleanUpAsync();
        }
    }

    protected abstract (IReadOnlyDictionary<string, string> Settings, IReadOnlyDictionary<string, string>? Environment) Store(string workingDirectory);

    protected abstract Task<IEventStore> OpenStoreAsync(string workingDirectory);

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    private static Grpc.Core.CallOptions Deadline() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    private static async Task<RunningServer> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string>? environment)
    {
        var process = ServerProcess.Start(workingDirectory, settings, environment);
        try
        {
            await process.WaitUntilServingAsync(Timeouts.ServerStart);
            return new RunningServer(process);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>A started server and a channel to it; disposing kills the process, as a crash would.</summary>
    private sealed class RunningServer(ServerProcess process) : IAsyncDisposable
    {
        public Grpc.Net.Client.GrpcChannel Channel { get; } = process.CreateChannel();

        public async ValueTask DisposeAsync()
        {
            Channel.Dispose();
            await process.DisposeAsync();
        }
    }
}

public sealed class SqliteRetryAfterRestartTests : RetryAfterRestartContract
{
    private static string SqlitePath(string workingDirectory) => Path.Combine(workingDirectory, "recording.sqlite");

    protected override (IReadOnlyDictionary<string, string> Settings, IReadOnlyDictionary<string, string>? Environment) Store(string workingDirectory) =>
        (new Dictionary<string, string> { ["EventStore:Backend"] = "sqlite", ["EventStore:SqlitePath"] = SqlitePath(workingDirectory) }, null);

    protected override Task<IEventStore> OpenStoreAsync(string workingDirectory) => Task.FromResult<IEventStore>(SqliteEventStore.Open(SqlitePath(workingDirectory)));
}

public sealed class PostgresRetryAfterRestartTests : RetryAfterRestartContract
{
    private readonly string _schema = TestPostgres.NewSchemaName();
    private string? _connectionString;

    protected override (IReadOnlyDictionary<string, string> Settings, IReadOnlyDictionary<string, string>? Environment) Store(string workingDirectory)
    {
        _connectionString = TestPostgres.ConnectionString();
        return (TestPostgres.ServerSettings(_schema), TestPostgres.ServerEnvironment(_connectionString));
    }

    protected override async Task<IEventStore> OpenStoreAsync(string workingDirectory) => await PostgresEventStore.OpenAsync(_connectionString!, _schema);

    protected override async Task CleanUpAsync()
    {
        if (_connectionString is not null)
        {
            await TestPostgres.DropSchemaAsync(_connectionString, _schema);
        }
    }
}
