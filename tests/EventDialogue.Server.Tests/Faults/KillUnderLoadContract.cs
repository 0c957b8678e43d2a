using EventDialogue.Api.V1;
using EventDialogue.Client.Connection;
using EventDialogue.EventStore;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Xunit.Abstractions;

namespace EventDialogue.Server.Tests.Faults;

/// <summary>
/// SIGKILL the server while several clients record, at a random count of acknowledgements, again and again on one
/// store: after each restart every acknowledged write is there exactly once, every request whose answer the kill
/// swallowed records exactly once when retried with its request id, and the views equal a rebuild from zero.
/// </summary>
public abstract class KillUnderLoadContract(ITestOutputHelper output) : IDisposable
{
    private const int Clients = 4;
    private const int MostAcknowledgementsBeforeAKill = 40;
    private static readonly TimeSpan ViewsCatchUpTimeout = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _workingDirectory = new();

    /// <summary>How many kills the suite runs on this backend; EVENTDIALOGUE_FAULTS_KILLS overrides it.</summary>
    protected abstract int KillsInTheSuite { get; }

    protected abstract FaultStore CreateStore(string workingDirectory);

    public void Dispose()
    {
        _workingDirectory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Given_clients_recording_when_the_server_is_killed_at_random_moments_then_acknowledged_writes_are_kept_once_retries_record_once_and_views_equal_a_rebuild()
    {
        var kills = FaultRunSettings.Kills(KillsInTheSuite);
        var seed = FaultRunSettings.Seed();
        var random = new Random(seed);
        await using var store = CreateStore(_workingDirectory.Path);
        output.WriteLine($"{store.Backend}: {kills} kills, {Clients} clients, seed {seed} (rerun with {FaultRunSettings.SeedVariable}={seed})");
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2) * Math.Max(kills, 1));

        var source = Valid.Source(Valid.Id("source"));
        var written = new List<Acknowledged>();
        var (inFlightTotal, inFlightRecordedBeforeTheKill) = (0, 0);
        ServerProcess? server = await StartAsync(store);
        try
        {
            using (var channel = server.CreateChannel())
            {
                await new RecordingService.RecordingServiceClient(channel).RegisterSourceAsync(source, deadline: DateTime.UtcNow + Timeouts.Call);
            }

            for (var kill = 1; kill <= kills; kill++)
            {
                var threshold = random.Next(1, MostAcknowledgementsBeforeAKill + 1);
                var load = new StatementLoad(server.GrpcAddress, source.SourceId, Clients, threshold);
                var loading = load.RunAsync(bound: TimeSpan.FromMinutes(1));
                if (await Task.WhenAny(load.ThresholdReached, loading) == loading)
                {
                    await loading;
                    Assert.Fail($"the load ended after fewer than {threshold} acknowledgements, with the server alive. Output:\n{server.Output}");
                }

                load.MarkKilled();
                await server.DisposeAsync();
                server = null;
                var outcome = await loading;

                var clock = System.Diagnostics.Stopwatch.StartNew();
                server = await StartAsync(store);
                var restart = clock.Elapsed;
                using var channel = server.CreateChannel();
                var recording = new RecordingService.RecordingServiceClient(channel);
                var retried = new List<Acknowledged>();
                foreach (var request in outcome.InFlight)
                {
                    var response = await recording.RecordStatementAsync(request, deadline: DateTime.UtcNow + Timeouts.Call);
                    retried.Add(new Acknowledged(request, response.Result));
                }

                inFlightTotal += retried.Count;
                inFlightRecordedBeforeTheKill += retried.Count(r => r.Result.Replayed);
                var thisRound = outcome.Acknowledged.Concat(retried).ToList();
                written.AddRange(thisRound);

                var views = new ViewsService.ViewsServiceClient(channel);
                foreach (var write in thisRound)
                {
                    var read = await views.GetStatementAsync(
                        new GetStatementRequest { StatementId = write.Request.StatementId, MinPosition = write.Result.Position },
                        deadline: DateTime.UtcNow + ViewsCatchUpTimeout);
                    Assert.Equal(write.Request.Text, read.Statement.Text);
                }

                var head = new Position(written.Max(w => w.Result.Position));
                await ViewsCatchUp.WaitAsync(views, head.Value, ViewsCatchUpTimeout, bound.Token);
                var caughtUp = clock.Elapsed;
                await using var events = await store.OpenEventsAsync();
                var logLength = await WrittenOnce.AssertAsync(events, written, new HashSet<string>(StringComparer.Ordinal) { source.RequestId });
                await using var served = await store.OpenViewsAsync();
                await using var empty = await store.OpenEmptyViewsAsync($"rebuild-{kill}");
                var documents = await ViewsEqualRebuild.AssertAsync(events, served, empty, head, bound.Token);

                output.WriteLine(
                    $"kill {kill}: after {threshold} acknowledgements; {outcome.Acknowledged.Count} acknowledged, {retried.Count} in flight retried " +
                    $"({retried.Count(r => r.Result.Replayed)} had been recorded before the kill); log of {logLength} events checked, {documents} view documents equal a rebuild " +
                    $"(restart {restart.TotalSeconds:F1} s, views caught up {caughtUp.TotalSeconds:F1} s, checked {clock.Elapsed.TotalSeconds:F1} s)");
            }
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        output.WriteLine(
            $"{store.Backend}: {kills} kills survived, {written.Count} writes checked ({inFlightTotal} in flight at a kill and retried, " +
            $"{inFlightRecordedBeforeTheKill} of them recorded before it), seed {seed}");
    }

    private static async Task<ServerProcess> StartAsync(FaultStore store)
    {
        var server = ServerProcess.Start(store.WorkingDirectory, store.Settings, store.Environment);
        try
        {
            await server.WaitUntilServingAsync(Timeouts.ServerStart);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}

public sealed class SqliteKillUnderLoadTests(ITestOutputHelper output) : KillUnderLoadContract(output)
{
    protected override int KillsInTheSuite => 6;

    protected override FaultStore CreateStore(string workingDirectory) => new SqliteFaultStore(workingDirectory);
}

public sealed class PostgresKillUnderLoadTests(ITestOutputHelper output) : KillUnderLoadContract(output)
{
    protected override int KillsInTheSuite => 4;

    protected override FaultStore CreateStore(string workingDirectory) => new PostgresFaultStore(workingDirectory);
}
