using System.Diagnostics;
using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Xunit.Abstractions;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace EventDialogue.Server.Tests.Projections;

/// <summary>
/// The server's PostgreSQL restarted, then down for a while, under a running server: health says so and recovers, the
/// views resume by themselves, nothing acknowledged is lost and no event is taken for poison.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Given_a_server_on_postgres_when_the_database_restarts_or_stops_and_starts_then_the_views_resume_by_themselves()
    {
        await using var cluster = await OwnPostgresCluster.StartAsync();
        using var workingDirectory = new TempDirectory();
        await using var server = ServerProcess.Start(
            workingDirectory.Path,
            TestPostgres.ServerSettings(TestPostgres.NewSchemaName()),
            TestPostgres.ServerEnvironment(cluster.ConnectionString));
        await server.WaitUntilServingAsync(Timeouts.ServerStart);
        using var channel = server.CreateChannel();
        var recording = new RecordingService.RecordingServiceClient(channel);
        var views = new ViewsService.ViewsServiceClient(channel);
        var sourceId = Valid.Id("outage-source");
        await Acknowledged.RecordAsync(options => recording.RegisterSourceAsync(Valid.Source(sourceId), options), Recovery);
        var acknowledged = new List<(string StatementId, long Position)> { await RecordStatementAsync(recording, sourceId) };
        await ReadAsync(views, acknowledged[^1]);

        await cluster.RestartAsync();
        acknowledged.Add(await RecordStatementAsync(recording, sourceId));
        var restartedAndRead = Stopwatch.StartNew();
        await ReadAsync(views, acknowledged[^1]);
        output.WriteLine($"after pg_ctl restart -m fast: a write read back with min_position in {restartedAndRead.Elapsed.TotalSeconds:0.00} s");

        await cluster.PauseAsync();
        var noticed = await HealthWatch.WaitForAsync(channel, ServingStatus.NotServing, Recovery);
        await cluster.ResumeAsync();
        var recovered = await HealthWatch.WaitForAsync(channel, ServingStatus.Serving, Recovery);
        output.WriteLine($"database stopped: NOT_SERVING after {noticed.TotalSeconds:0.00} s; started again: SERVING after {recovered.TotalSeconds:0.00} s");
        acknowledged.Add(await RecordStatementAsync(recording, sourceId));

        foreach (var written in acknowledged)
        {
            await ReadAsync(views, written);
        }

        await HealthWatch.WaitForAsync(channel, ServingStatus.Serving, Recovery);
        var log = server.Output.ToString();
        Assert.DoesNotContain("poison", log, StringComparison.OrdinalIgnoreCase);
        output.WriteLine($"projection retries logged: {log.Split('\n').Count(line => line.Contains("cannot use the store", StringComparison.Ordinal))}");
    }

    private static async Task<(string StatementId, long Position)> RecordStatementAsync(RecordingService.RecordingServiceClient recording, string sourceId)
    {
        var request = Valid.Statement(Valid.Id("outage-statement"), sourceId);
        var reply = await Acknowledged.RecordAsync(options => recording.RecordStatementAsync(request, options), Recovery);
        return (request.StatementId, reply.Result.Position);
    }

    /// <summary>The statement, read through the view once it has reached the write: fails if the view never does.</summary>
    private static async Task ReadAsync(ViewsService.ViewsServiceClient views, (string StatementId, long Position) written)
    {
        var read = await views.GetStatementAsync(
            new GetStatementRequest { StatementId = written.StatementId, MinPosition = written.Position },
            deadline: DateTime.UtcNow + Recovery);
        Assert.Equal(written.StatementId, read.Statement.StatementId);
    }
}
