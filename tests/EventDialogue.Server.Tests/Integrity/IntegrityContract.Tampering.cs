using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.Integrity;

/// <summary>
/// `history verify` as an auditor runs it, with the verifier key printed on the first start: it passes on the honest
/// log; after someone with the database edits one event while the server is stopped, or deletes one, it fails naming
/// the event at the first bad position (and `history prove` of that event fails); once the row is put back, it passes again. The restart keeps the key.
/// </summary>
public abstract partial class IntegrityContract
{
    private const int NotVerified = 4;

    [Fact]
    public async Task Given_an_honest_log_when_one_event_is_edited_or_deleted_in_the_database_then_history_verify_fails_naming_its_position_and_passes_once_it_is_put_back()
    {
        var positions = await RecordSourcesAsync(3);
        await Server.CheckpointCoveringAsync(positions[^1]);
        var saved = Path.Combine(Path.GetTempPath(), $"eventdialogue-checkpoint-{Guid.NewGuid():N}");
        try
        {
            var honest = await VerifyAsync("--save", saved);
            Assert.True(honest.ExitCode == 0, honest.ToString());
            Assert.Contains("OK", honest.Stdout, StringComparison.Ordinal);
            var proved = await ProveAsync(positions[1]);
            Assert.True(proved.ExitCode == 0, proved.ToString());
            Assert.Contains("OK: the event is in the signed tree", proved.Stdout, StringComparison.Ordinal);

            var edited = positions[1];
            var keyBefore = await File.ReadAllTextAsync(Server.DefaultKeyPath);
            await Server.StopAsync();
            await Server.ExecuteAsync($"UPDATE events SET data = replace(data, 'Briefing', 'Debriefing') WHERE position = {edited}");
            await Server.StartAsync();
            await Server.Process.Output.WaitForAsync(text => text.Contains("Log signed as", StringComparison.Ordinal), Timeouts.ServerStart);
            Assert.Contains($"verifier key {Server.PrintedVerifierKey}", Server.Process.Output.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Created the log's signing key", Server.Process.Output.ToString(), StringComparison.Ordinal);
            Assert.Equal(keyBefore, await File.ReadAllTextAsync(Server.DefaultKeyPath));

            var caught = await VerifyAsync("--since", saved);
            Assert.True(caught.ExitCode == NotVerified, caught.ToString());
            Assert.Contains($"position {edited} ", caught.Stderr, StringComparison.Ordinal);
            var disproved = await ProveAsync(edited);
            Assert.True(disproved.ExitCode == NotVerified, disproved.ToString());
            Assert.Contains($"position {edited} ", disproved.Stderr, StringComparison.Ordinal);

            await Server.ExecuteAsync($"UPDATE events SET data = replace(data, 'Debriefing', 'Briefing') WHERE position = {edited}");
            var restored = await VerifyAsync("--since", saved);
            Assert.True(restored.ExitCode == 0, restored.ToString());

            var table = $"saved_{Guid.NewGuid():N}";
            await Server.ExecuteAsync($"CREATE TABLE {table} AS SELECT * FROM events WHERE position = {edited}; DELETE FROM events WHERE position = {edited}");
            var deleted = await VerifyAsync();
            Assert.True(deleted.ExitCode == NotVerified, deleted.ToString());
            Assert.Contains($"position {positions[2]} ", deleted.Stderr, StringComparison.Ordinal);

            await Server.ExecuteAsync($"{Server.InsertKeepingPosition} SELECT * FROM {table}; DROP TABLE {table}");
            var back = await VerifyAsync();
            Assert.True(back.ExitCode == 0, back.ToString());
        }
        finally
        {
            File.Delete(saved);
        }
    }

    private Task<ProcessRun> ProveAsync(long position) =>
        CliProcess.RunAsync("--server", Server.Address.ToString(), "history", "prove", position.ToString(System.Globalization.CultureInfo.InvariantCulture), "--verifier-key", Server.PrintedVerifierKey);

    private Task<ProcessRun> VerifyAsync(params string[] more) =>
        CliProcess.RunAsync(["--server", Server.Address.ToString(), "history", "verify", "--verifier-key", Server.PrintedVerifierKey, .. more]);
}
