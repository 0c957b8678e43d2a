using System.Globalization;
using EventDialogue.Api.V1;
using EventDialogue.EventStore.Integrity;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.Integrity;

/// <summary>
/// Someone with the database (or the key file) changes the log while the server is stopped: an event edited, deleted,
/// two swapped, one inserted, the tail cut off, the signing key replaced. Each is caught twice: by `history verify` as
/// an auditor runs it with the verifier key printed on the first start, naming the first bad position (or the bad
/// signature); and by the server's own start-up check when it starts again on the tampered store — the "integrity"
/// health service NOT_SERVING, a log line naming the position, and no checkpoint signed over it, while the server goes
/// on serving and recording. Each test ruins a log of its own (<see cref="TamperedLog"/>).
/// </summary>
public abstract partial class IntegrityContract
{
    private const int NotVerified = 4;

    [Fact]
    public async Task Given_an_honest_log_when_one_event_is_edited_in_the_database_then_verify_and_the_start_up_check_name_its_position_and_verify_passes_once_it_is_put_back()
    {
        await using var log = await TamperedLog.StartAsync(Server);
        var positions = await log.RecordAsync(3);
        var saved = await log.SaveCheckpointAsync(positions[^1]);
        var honest = await log.VerifyAsync("--since", saved);
        Assert.True(honest.ExitCode == 0, honest.ToString());
        Assert.Contains("OK", honest.Stdout, StringComparison.Ordinal);
        var proved = await log.ProveAsync(positions[1]);
        Assert.True(proved.ExitCode == 0, proved.ToString());
        Assert.Contains("OK: the event is in the signed tree", proved.Stdout, StringComparison.Ordinal);
        var keyBefore = await File.ReadAllTextAsync(log.Server.DefaultKeyPath);

        var edited = positions[1];
        await log.TamperAsync($"UPDATE events SET data = replace(data, 'Briefing', 'Debriefing') WHERE position = {edited}");

        await log.AssertFlaggedAsync($"first bad position {edited})", $"position {edited} (leaf");
        Assert.Contains($"verifier key {log.Server.PrintedVerifierKey}", log.Server.Process.Output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Created the log's signing key", log.Server.Process.Output.ToString(), StringComparison.Ordinal);
        Assert.Equal(keyBefore, await File.ReadAllTextAsync(log.Server.DefaultKeyPath));
        var caught = await log.VerifyAsync("--since", saved);
        Assert.True(caught.ExitCode == NotVerified, caught.ToString());
        Assert.Contains($"position {edited} ", caught.Stderr, StringComparison.Ordinal);
        var disproved = await log.ProveAsync(edited);
        Assert.True(disproved.ExitCode == NotVerified, disproved.ToString());
        Assert.Contains($"position {edited} ", disproved.Stderr, StringComparison.Ordinal);

        await log.Server.ExecuteAsync($"UPDATE events SET data = replace(data, 'Debriefing', 'Briefing') WHERE position = {edited}");
        var restored = await log.VerifyAsync("--since", saved);
        Assert.True(restored.ExitCode == 0, restored.ToString());
    }

    [Fact]
    public async Task Given_an_honest_log_when_one_event_is_deleted_in_the_database_then_verify_and_the_start_up_check_catch_it()
    {
        await using var log = await TamperedLog.StartAsync(Server);
        var positions = await log.RecordAsync(3);
        await log.SaveCheckpointAsync(positions[^1]);

        await log.TamperAsync($"DELETE FROM events WHERE position = {positions[1]}");

        var caught = await log.VerifyAsync();
        Assert.True(caught.ExitCode == NotVerified, caught.ToString());
        Assert.Contains($"position {positions[2]} ", caught.Stderr, StringComparison.Ordinal);
        await log.AssertFlaggedAsync($"first bad position {positions[1]})", $"the event at position {positions[1]} (leaf");
    }

    [Fact]
    public async Task Given_an_honest_log_when_two_events_rows_are_swapped_then_verify_the_start_up_check_and_history_check_name_the_first_of_them()
    {
        await using var log = await TamperedLog.StartAsync(Server);
        var positions = await log.RecordAsync(4);
        await log.SaveCheckpointAsync(positions[^1]);
        var (first, second) = (positions[1], positions[2]);

        await log.TamperAsync(
            $"CREATE TABLE swapped AS SELECT * FROM events WHERE position IN ({first}, {second}); " +
            $"DELETE FROM events WHERE position IN ({first}, {second}); " +
            $"INSERT INTO events (position, {TamperedLog.Columns}) {log.Server.KeepingPosition} SELECT {first + second} - position, {TamperedLog.Columns} FROM swapped; " +
            "DROP TABLE swapped");

        var caught = await log.VerifyAsync();
        Assert.True(caught.ExitCode == NotVerified, caught.ToString());
        Assert.Contains($"position {first} ", caught.Stderr, StringComparison.Ordinal);
        await log.AssertFlaggedAsync($"first bad position {first})", $"the event at position {first} (leaf");
        var check = await log.CheckAsync("--full");
        Assert.True(check.ExitCode == NotVerified, check.ToString());
        Assert.Contains($"inconsistent at position {first}:", check.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_honest_log_with_a_gap_in_its_positions_when_an_event_is_inserted_into_the_gap_then_verify_and_the_start_up_check_name_it()
    {
        await using var log = await TamperedLog.StartAsync(Server);
        var before = await log.RecordAsync(2);
        // A rolled-back append leaves a position unused: the gap is legitimate, and an insert's only room in the middle.
        await log.Server.ExecuteAsync(log.Server.SkipPosition);
        var after = await log.RecordAsync(2);
        var gap = before[^1] + 1;
        Assert.Equal(gap + 1, after[0]);
        await log.SaveCheckpointAsync(after[^1]);

        await log.TamperAsync(
            $"INSERT INTO events (position, {TamperedLog.Columns}) {log.Server.KeepingPosition} " +
            $"SELECT {gap}, {log.Server.NewEventId}, stream || '-forged', category, revision, type, data, metadata, recorded_at FROM events WHERE position = {after[0]}");

        var caught = await log.VerifyAsync();
        Assert.True(caught.ExitCode == NotVerified, caught.ToString());
        Assert.Contains($"position {gap} ", caught.Stderr, StringComparison.Ordinal);
        await log.AssertFlaggedAsync($"first bad position {gap})", $"the event at position {gap} is not in the tree");
    }

    [Fact]
    public async Task Given_an_honest_log_when_its_last_events_are_deleted_with_their_leaves_then_verify_and_the_start_up_check_catch_the_shorter_log()
    {
        await using var log = await TamperedLog.StartAsync(Server);
        var positions = await log.RecordAsync(5);
        var saved = await log.SaveCheckpointAsync(positions[^1]);
        var kept = positions[^3];

        // Every trace of the last two events in the tree goes too: their leaves, and each subtree that covered one.
        await log.TamperAsync(
            $"DELETE FROM events WHERE position > {kept}; " +
            $"DELETE FROM tree_leaves WHERE position > {kept}; " +
            "DELETE FROM tree_subtrees WHERE ((subtree + 1) << level) > (SELECT count(*) FROM tree_leaves)");

        var caught = await log.VerifyAsync();
        Assert.True(caught.ExitCode == NotVerified, caught.ToString());
        Assert.Contains($"the events after position {kept} were removed", caught.Stderr, StringComparison.Ordinal);
        Assert.Contains($"the tree holds {positions.Count - 2} leaves", caught.Stderr, StringComparison.Ordinal);
        var pinned = await log.VerifyAsync("--since", saved);
        Assert.True(pinned.ExitCode != 0, pinned.ToString());
        await log.AssertFlaggedAsync($"first bad position {positions[^2]})", $"the events after position {kept} were removed");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Given_an_honest_log_when_the_signing_key_file_is_replaced_then_the_server_signs_nothing_with_it_and_a_checkpoint_re_signed_with_it_fails_verify_with_the_old_key()
    {
        await using var log = await TamperedLog.StartAsync(Server);
        var positions = await log.RecordAsync(2);
        var latest = await log.Server.CheckpointCoveringAsync(positions[^1]);
        var oldKey = log.Server.PrintedVerifierKey;
        using var newKey = NoteKey.Generate(latest.Origin);

        await log.TamperAsync(replaceKey: newKey);

        await log.AssertFlaggedAsync("no single bad position", "does not verify with the server's signing key");
        Assert.Contains($"verifier key {newKey.VerifierKey}", log.Server.Process.Output.ToString(), StringComparison.Ordinal);
        var withNewKey = await log.VerifyWithKeyAsync(newKey.VerifierKey);
        Assert.True(withNewKey.ExitCode == NotVerified, withNewKey.ToString());
        Assert.Contains("does not verify with the verifier key", withNewKey.Stderr, StringComparison.Ordinal);

        // Whoever holds the new key can re-sign the latest checkpoint themselves; the pinned key still tells.
        var text = NoteVerifier.Parse(oldKey).Open(latest.SignedNote)!;
        await log.Server.ExecuteAsync($"UPDATE tree_checkpoints SET signed_note = '{newKey.Sign(text)}' WHERE tree_size = {latest.TreeSize}");
        var resigned = await log.VerifyWithKeyAsync(oldKey);
        Assert.True(resigned.ExitCode == NotVerified, resigned.ToString());
        Assert.Contains("does not verify with the verifier key", resigned.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// A server of this collection's backend on a store of its own, for one test to ruin: started (its key created),
    /// then stopped, tampered with, and started again. The CLI invocations of the auditor and the administrator are here.
    /// </summary>
    private sealed class TamperedLog(IntegrityServer server) : IAsyncDisposable
    {
        /// <summary>Every column of the events table but the position (and PostgreSQL's transaction id, which defaults).</summary>
        public const string Columns = "event_id, stream, category, revision, type, data, metadata, recorded_at";

        private readonly string _saved = Path.Combine(Path.GetTempPath(), $"eventdialogue-checkpoint-{Guid.NewGuid():N}");

        public IntegrityServer Server { get; } = server;

        public static async Task<TamperedLog> StartAsync(IntegrityServer collectionServer)
        {
            var fresh = collectionServer.Fresh();
            await fresh.InitializeAsync();
            return new TamperedLog(fresh);
        }

        public Task<IReadOnlyList<long>> RecordAsync(int count) => RecordOnAsync(Server, count);

        /// <summary>Waits for a checkpoint covering the position, verifies the log and saves that checkpoint, as an auditor pins it.</summary>
        public async Task<string> SaveCheckpointAsync(long position)
        {
            await Server.CheckpointCoveringAsync(position);
            var run = await VerifyAsync("--save", _saved);
            Assert.True(run.ExitCode == 0, run.ToString());
            return _saved;
        }

        /// <summary>Stops the server, runs the SQL on its database and/or puts another key in its key file, and starts it again.</summary>
        public async Task TamperAsync(string? sql = null, NoteKey? replaceKey = null)
        {
            await Server.StopAsync();
            if (sql is not null)
            {
                await Server.ExecuteAsync(sql);
            }

            if (replaceKey is not null && !OperatingSystem.IsWindows())
            {
                await File.WriteAllTextAsync(Server.DefaultKeyPath, replaceKey.ToPrivateText() + "\n");
                File.SetUnixFileMode(Server.DefaultKeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await Server.StartAsync();
        }

        /// <summary>
        /// The start-up check's verdict: a log line naming <paramref name="where"/>, with <paramref name="what"/> in it;
        /// "integrity" NOT_SERVING while the server as a whole serves; an event recorded now is kept, and never signed.
        /// </summary>
        public async Task AssertFlaggedAsync(string where, string what)
        {
            await Server.Process.Output.WaitForAsync(text => text.Contains("The log is inconsistent", StringComparison.Ordinal), Timeouts.ServerStart);
            var output = Server.Process.Output.ToString();
            Assert.Contains($"The log is inconsistent ({where}", output, StringComparison.Ordinal);
            Assert.Contains(what, output, StringComparison.Ordinal);
            Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing, await HealthAsync(Server, "integrity"));
            Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, await HealthAsync(Server, string.Empty));

            var before = await Server.Audit.GetCheckpointAsync(new GetCheckpointRequest(), Call());
            var recorded = (await RecordAsync(1))[0];
            var check = await Server.Audit.CheckLogAsync(new CheckLogRequest(), Call());
            Assert.False(check.Consistent, check.ToString());
            await Server.Process.Output.WaitForAsync(
                text => text.Contains($"Not signing a checkpoint of the log at tree size {check.TreeSize}:", StringComparison.Ordinal), Timeouts.ServerStart);
            var latest = await Server.Audit.GetCheckpointAsync(new GetCheckpointRequest(), Call());
            Assert.True(latest.SignedNote == before.SignedNote, $"a checkpoint of {latest.TreeSize} events was signed over the log found inconsistent (event {recorded} recorded since)");
        }

        public Task<ProcessRun> VerifyAsync(params string[] more) => Verify(Server.PrintedVerifierKey, more);

        public Task<ProcessRun> VerifyWithKeyAsync(string verifierKey) => Verify(verifierKey, []);

        public Task<ProcessRun> ProveAsync(long position) =>
            CliProcess.RunAsync("--server", Server.Address.ToString(), "history", "prove", position.ToString(CultureInfo.InvariantCulture), "--verifier-key", Server.PrintedVerifierKey);

        /// <summary>The administrator's `history check`: the server checks its own log.</summary>
        public Task<ProcessRun> CheckAsync(params string[] more) =>
            CliProcess.RunAsync(["--server", Server.Address.ToString(), "history", "check", .. more]);

        /// <summary>The auditor's full check: `history verify --full` with a verifier key replays the whole log.</summary>
        private Task<ProcessRun> Verify(string verifierKey, string[] more) =>
            CliProcess.RunAsync(["--server", Server.Address.ToString(), "history", "verify", "--verifier-key", verifierKey, "--full", .. more]);

        public async ValueTask DisposeAsync()
        {
            File.Delete(_saved);
            await Server.DisposeAsync();
        }
    }
}
