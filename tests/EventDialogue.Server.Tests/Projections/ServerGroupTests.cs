using System.Diagnostics;
using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Xunit.Abstractions;

namespace EventDialogue.Server.Tests.Projections;

/// <summary>
/// Server processes on one PostgreSQL schema: the projections run in exactly one of them; a write through any is
/// read back promptly through another with min_position; when the one running the projections is killed, another
/// takes over within seconds and the views keep up; a view built again by one that does not run them is put in place
/// without losing what the one that does applied meanwhile.
/// </summary>
public sealed class ServerGroupTests(ITestOutputHelper output)
{
    private const string LeadsLine = "Projections: this process leads and runs them";

    /// <summary>
    /// A process that does not run the projections learns their checkpoints only by NOTIFY (it never polls them), so
    /// without it the read would wait out its deadline and fail: a read that succeeds at all shows the notice arrived.
    /// Typically 0.1–1.5 s on a loaded 2-core machine (printed); the deadline is generous, so a busy machine cannot fail it.
    /// </summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public Task Given_three_servers_on_one_database_when_the_one_running_the_projections_is_killed_then_another_takes_over_and_reads_keep_up() =>
        WithServersAsync(3, async servers =>
        {
            var leader = await OnlyLeaderAsync(servers);
            var sourceId = Valid.Id("group-source");
            using (var channel = servers[0].CreateChannel())
            {
                await new RecordingService.RecordingServiceClient(channel).RegisterSourceAsync(Valid.Source(sourceId), deadline: DateTime.UtcNow + Timeouts.Call);
            }

            for (var i = 0; i < servers.Count; i++)
            {
                var elapsed = await WriteThenReadAsync(servers[i], servers[(i + 1) % servers.Count], sourceId);
                output.WriteLine($"written through {i}, read through {(i + 1) % servers.Count} ({(servers[(i + 1) % servers.Count] == leader ? "leader" : "follower")}): {elapsed.TotalMilliseconds:0} ms");
            }

            var killed = Stopwatch.StartNew();
            await leader.DisposeAsync();
            servers.Remove(leader);
            var caughtUp = await WriteThenReadAsync(servers[0], servers[1], sourceId);
            var successor = await OnlyLeaderAsync(servers);
            output.WriteLine($"leader killed: a write through a survivor was read through the other after {killed.Elapsed.TotalSeconds:0.00} s (read wait {caughtUp.TotalSeconds:0.00} s)");

            var follower = servers.Single(s => s != successor);
            var after = await WriteThenReadAsync(successor, follower, sourceId);
            output.WriteLine($"after the takeover, the read waited {after.TotalMilliseconds:0} ms");
        });

    [Fact]
    public Task Given_two_servers_on_one_database_when_the_one_not_running_the_projections_builds_a_view_again_then_it_is_put_in_place_and_both_go_on_reading_their_writes() =>
        WithServersAsync(2, async servers =>
        {
            var leader = await OnlyLeaderAsync(servers);
            var follower = servers.Single(s => s != leader);
            var sourceId = Valid.Id("group-source");
            using var followerChannel = follower.CreateChannel();
            await new RecordingService.RecordingServiceClient(followerChannel).RegisterSourceAsync(Valid.Source(sourceId), deadline: DateTime.UtcNow + Timeouts.Call);
            await WriteThenReadAsync(leader, follower, sourceId);

            // the leader's view goes on while the follower builds it again: the copy has to catch up with it to replace it
            var rebuilding = new ViewsService.ViewsServiceClient(followerChannel).RebuildViewAsync(
                new RebuildViewRequest { View = "statements-v2" }, deadline: DateTime.UtcNow + Patience).ResponseAsync;
            using var leaderChannel = leader.CreateChannel();
            var meanwhile = new List<(string Id, long Position)>();
            for (var i = 0; i < 10; i++)
            {
                var request = Valid.Statement(Valid.Id("group-statement"), sourceId);
                meanwhile.Add((request.StatementId, (await new RecordingService.RecordingServiceClient(leaderChannel).RecordStatementAsync(request, deadline: DateTime.UtcNow + Timeouts.Call)).Result.Position));
            }

            var rebuilt = await rebuilding;

            Assert.Equal("statements-v2", rebuilt.View);
            Assert.True(rebuilt.Checkpoint > 0, $"the view was built again up to {rebuilt.Checkpoint}");
            var views = new ViewsService.ViewsServiceClient(followerChannel);
            foreach (var (id, position) in meanwhile)
            {
                var read = await views.GetStatementAsync(new GetStatementRequest { StatementId = id, MinPosition = position }, deadline: DateTime.UtcNow + Patience);
                Assert.Equal(id, read.Statement.StatementId);
            }

            var afterThroughFollower = await WriteThenReadAsync(leader, follower, sourceId);
            var afterThroughLeader = await WriteThenReadAsync(follower, leader, sourceId);
            output.WriteLine($"after the rebuild at {rebuilt.Checkpoint}: reads waited {afterThroughFollower.TotalMilliseconds:0} ms (follower), {afterThroughLeader.TotalMilliseconds:0} ms (leader)");
            Assert.DoesNotContain("stopped at position", leader.Output.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("cannot use the store", leader.Output.ToString(), StringComparison.Ordinal);
            output.WriteLine(leader.Output.ToString().Contains("a checkpoint was moved by another runner", StringComparison.Ordinal)
                ? "the leader's runner met the moved checkpoint and followed again from it"
                : "the copy was put in place between the leader's commits");
        });

    /// <summary>Runs the test with this many servers started on a schema of its own, each serving and warmed up; stops them and drops the schema after.</summary>
    private static async Task WithServersAsync(int count, Func<List<ServerProcess>, Task> test)
    {
        var connectionString = TestPostgres.ConnectionString();
        var schema = TestPostgres.NewSchemaName();
        using var workingDirectory = new TempDirectory();
        var servers = new List<ServerProcess>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                servers.Add(ServerProcess.Start(workingDirectory.Path, TestPostgres.ServerSettings(schema), TestPostgres.ServerEnvironment(connectionString)));
            }

            foreach (var server in servers)
            {
                await server.WaitUntilServingAsync(Timeouts.ServerStart);
                await WarmUpAsync(server);
            }

            await test(servers);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }

            await TestPostgres.DropSchemaAsync(connectionString, schema);
        }
    }

    /// <summary>Exactly one of the servers says it runs the projections (the others wait to lead).</summary>
    private static async Task<ServerProcess> OnlyLeaderAsync(List<ServerProcess> servers)
    {
        var leads = servers.Select(s => s.Output.WaitForAsync(text => text.Contains(LeadsLine, StringComparison.Ordinal), Patience)).ToList();
        var first = await Task.WhenAny(leads);
        await first;
        var leader = servers[leads.IndexOf(first)];
        Assert.All(servers.Where(s => s != leader), s => Assert.DoesNotContain(LeadsLine, s.Output.ToString(), StringComparison.Ordinal));
        return leader;
    }

    /// <summary>A first read, so that the printed waits are for the view, not a cold start.</summary>
    private static async Task WarmUpAsync(ServerProcess server)
    {
        using var channel = server.CreateChannel();
        await new ViewsService.ViewsServiceClient(channel).ListStatementsAsync(new ListStatementsRequest(), deadline: DateTime.UtcNow + Timeouts.Call);
    }

    /// <returns>How long the read with min_position took.</returns>
    private static async Task<TimeSpan> WriteThenReadAsync(ServerProcess writer, ServerProcess reader, string sourceId)
    {
        using var writing = writer.CreateChannel();
        using var reading = reader.CreateChannel();
        var request = Valid.Statement(Valid.Id("group-statement"), sourceId);
        var written = (await new RecordingService.RecordingServiceClient(writing).RecordStatementAsync(request, deadline: DateTime.UtcNow + Timeouts.Call)).Result;
        var clock = Stopwatch.StartNew();
        var read = await new ViewsService.ViewsServiceClient(reading).GetStatementAsync(
            new GetStatementRequest { StatementId = request.StatementId, MinPosition = written.Position },
            deadline: DateTime.UtcNow + Patience);
        Assert.Equal(request.StatementId, read.Statement.StatementId);
        return clock.Elapsed;
    }
}
