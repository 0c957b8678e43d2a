using EventDialogue.Api.V1;
using EventDialogue.EventStore.Integrity;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Grpc.Health.V1;

namespace EventDialogue.Server.Tests.Integrity;

/// <summary>
/// The server's check of its own log on an honest log: at start it finds it consistent and signs on, so checkpoints
/// before and after a restart are consistent; on request (CheckLog, `history check --full`) every event and checkpoint
/// is found consistent.
/// </summary>
public abstract partial class IntegrityContract
{
    [Fact]
    public async Task Given_an_honest_log_when_a_full_check_is_asked_then_every_event_and_checkpoint_is_consistent_and_integrity_is_serving()
    {
        var positions = await RecordSourcesAsync(3);
        await Server.CheckpointCoveringAsync(positions[^1]);

        var check = await Audit.CheckLogAsync(new CheckLogRequest { Full = true }, Call());
        var cli = await CliProcess.RunAsync("--server", Server.Address.ToString(), "history", "check", "--full");

        Assert.True(check.Consistent, check.ToString());
        Assert.True(check.Full);
        Assert.Equal(check.TreeSize, check.EventsChecked);
        Assert.True(check.TreeSize >= 3, check.ToString());
        Assert.True(check.CheckpointsChecked >= 2, check.ToString());
        Assert.False(check.HasFirstBadPosition);
        Assert.Empty(check.Problem);
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Contains("OK: the log matches its tree and signed checkpoints", cli.Stdout, StringComparison.Ordinal);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await HealthAsync(Server, "integrity"));
    }

    [Fact]
    public async Task Given_an_honest_log_when_the_server_restarts_then_the_start_up_check_passes_and_the_checkpoints_before_and_after_are_consistent()
    {
        await using var log = await TamperedLog.StartAsync(Server);
        var before = await log.Server.CheckpointCoveringAsync((await log.RecordAsync(3))[^1]);
        var saved = await log.SaveCheckpointAsync(before.TreeSize);

        await log.TamperAsync();
        await log.Server.Process.Output.WaitForAsync(text => text.Contains("The log is consistent: its last", StringComparison.Ordinal), Timeouts.ServerStart);
        var after = await log.Server.CheckpointCoveringAsync((await log.RecordAsync(2))[^1]);

        Assert.DoesNotContain("The log is inconsistent", log.Server.Process.Output.ToString(), StringComparison.Ordinal);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await HealthAsync(log.Server, "integrity"));
        Assert.True(after.TreeSize > before.TreeSize, $"{after.TreeSize} after, {before.TreeSize} before");
        var proof = await log.Server.Audit.GetConsistencyProofAsync(new GetConsistencyProofRequest { OldSize = before.TreeSize, NewSize = after.TreeSize }, Call());
        Assert.True(MerkleProofs.VerifyConsistency(before.TreeSize, after.TreeSize, before.RootHash.ToByteArray(), after.RootHash.ToByteArray(), [.. proof.Hashes.Select(h => h.ToByteArray())]));
        var verified = await log.VerifyAsync("--since", saved);
        Assert.True(verified.ExitCode == 0, verified.ToString());
    }

    /// <summary>Registers sources (one event each) on this server and returns their positions, in order.</summary>
    private static async Task<IReadOnlyList<long>> RecordOnAsync(IntegrityServer server, int count)
    {
        var positions = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var recorded = await server.Recording.RegisterSourceAsync(Valid.Source($"state-briefing-{Guid.NewGuid():N}"[..30]), Call());
            positions.Add(recorded.Result.Position);
        }

        return positions;
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> HealthAsync(IntegrityServer server, string service) =>
        (await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest { Service = service }, Call())).Status;
}
