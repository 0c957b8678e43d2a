using System.Text.Json;
using System.Text.RegularExpressions;
using EventDialogue.Api.V1;
using EventDialogue.EventStore.Integrity;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Google.Protobuf;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Integrity;

/// <summary>
/// `history verify` as an auditor runs it from their own machine, each test with a configuration folder of its own
/// (where the pins go): quick by default, --full, --entry and --offline on an honest log; each tampering it is meant to
/// catch, caught with exit code 4 and the first bad event named; a pin of another key, a rewritten log and a shrunk one
/// refused. The SQLite server of the integrity collection, with checkpoints signed every second.
/// </summary>
[Collection(SqliteIntegrityGroup.Name)]
public sealed partial class VerifyModesTests(SqliteIntegrityServer server)
{
    private const int NotVerified = 4;
    private const int BadInput = 2;
    private const string PinName = "eventdialogue.local%2Flog";

    // A port nothing listens on: --offline must not need a server.
    private const string NoServer = "http://127.0.0.1:9";

    private static readonly JsonParser Lines = new(JsonParser.Settings.Default);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Given_an_honest_log_when_verified_quick_full_and_by_entry_then_each_passes_the_first_trusting_on_first_use_and_each_moving_an_owner_only_pin()
    {
        using var config = new TempDirectory();
        var (stream, positions) = await OpenCaseWithStatusAsync();
        await server.CheckpointCoveringAsync(positions[^1]);

        var first = await VerifyAsync(config.Path);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("trusting this checkpoint on first use", Flat(first.Stderr), StringComparison.Ordinal);
        var pin = Path.Combine(config.Path, "eventdialogue", "pins", PinName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pin));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(pin)!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(config.Path, "eventdialogue")));
        var firstSize = Json(first).GetProperty("treeSize").GetInt64();
        Assert.Contains($"verifier-key {server.PrintedVerifierKey}\neventdialogue.local/log\n{firstSize}\n", await File.ReadAllTextAsync(pin), StringComparison.Ordinal);

        var later = await server.CheckpointCoveringAsync((await RecordSourcesAsync(server.Recording, 2))[^1]);
        var quick = await VerifyAsync(config.Path);

        Assert.True(quick.ExitCode == 0, quick.ToString());
        Assert.Equal("quick", Json(quick).GetProperty("mode").GetString());
        Assert.Equal(firstSize, Json(quick).GetProperty("pin").GetProperty("treeSize").GetInt64());
        Assert.True(Json(quick).GetProperty("pin").GetProperty("compared").GetBoolean(), quick.ToString());
        Assert.DoesNotContain("first use", quick.Stderr, StringComparison.Ordinal);
        var pinnedNow = Json(quick).GetProperty("treeSize").GetInt64();
        Assert.True(pinnedNow >= later.TreeSize, quick.ToString());
        Assert.Contains($"\neventdialogue.local/log\n{pinnedNow}\n", await File.ReadAllTextAsync(pin), StringComparison.Ordinal);

        var full = await VerifyAsync(config.Path, "--full");
        Assert.True(full.ExitCode == 0, full.ToString());
        Assert.Equal("full", Json(full).GetProperty("mode").GetString());

        var entry = await VerifyAsync(config.Path, "--entry", stream);
        Assert.True(entry.ExitCode == 0, entry.ToString());
        Assert.Equal("entry", Json(entry).GetProperty("mode").GetString());
        var table = await CliProcess.RunWithConfigAsync(config.Path, ["--server", server.Address.ToString(), "history", "verify", "--verifier-key", server.PrintedVerifierKey, "--entry", stream]);
        Assert.Contains($"all 2 events of {stream} proven in the signed tree", Flat(table.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_event_edited_in_the_database_when_its_entry_is_verified_then_it_fails_naming_its_position_while_the_quick_check_passes_and_passes_once_put_back()
    {
        using var config = new TempDirectory();
        var (stream, positions) = await OpenCaseWithStatusAsync();
        await server.CheckpointCoveringAsync(positions[^1]);
        var edited = positions[1];

        await server.ExecuteAsync($"UPDATE events SET data = replace(data, 'sentenced', 'sentenced-edited') WHERE position = {edited}");
        try
        {
            var caught = await VerifyAsync(config.Path, "--entry", stream);
            Assert.True(caught.ExitCode == NotVerified, caught.ToString());
            Assert.Contains($"The event at position {edited} (stream {stream}, revision 1, CaseStatusReported) is not in the signed tree", Flat(caught.Stderr), StringComparison.Ordinal);

            // The quick check reads no events: only the signature and the pin.
            var quick = await VerifyAsync(config.Path);
            Assert.True(quick.ExitCode == 0, quick.ToString());
        }
        finally
        {
            await server.ExecuteAsync($"UPDATE events SET data = replace(data, 'sentenced-edited', 'sentenced') WHERE position = {edited}");
        }

        var back = await VerifyAsync(config.Path, "--entry", stream);
        Assert.True(back.ExitCode == 0, back.ToString());
    }

    [Fact]
    public async Task Given_a_whole_export_when_verified_offline_then_it_passes_with_no_server_and_an_event_edited_in_the_file_is_named_by_line_and_position()
    {
        using var config = new TempDirectory();
        using var files = new TempDirectory();
        var positions = await RecordSourcesAsync(server.Recording, 3);
        var export = Path.Combine(files.Path, "log.jsonl");
        var exported = await CliProcess.RunAsync("--server", server.Address.ToString(), "history", "export", export);
        Assert.True(exported.ExitCode == 0, exported.ToString());
        var lines = await File.ReadAllLinesAsync(export);

        var honest = await OfflineAsync(config.Path, export);

        Assert.True(honest.ExitCode == 0, honest.ToString());
        Assert.Equal("offline", Json(honest).GetProperty("mode").GetString());
        Assert.Equal(lines.Length - 1, Json(honest).GetProperty("treeSize").GetInt64());
        Assert.Contains(lines[..^1], line => Lines.Parse<HistoryEvent>(line).Position == positions[^1]);

        var index = Array.FindIndex(lines, line => !line.StartsWith("{\"exportTrailer\"", StringComparison.Ordinal) && Lines.Parse<HistoryEvent>(line).Position == positions[1]);
        var tampered = Path.Combine(files.Path, "tampered.jsonl");
        await File.WriteAllLinesAsync(tampered, lines.Select((line, i) => i == index ? line.Replace("Briefing", "Debriefing", StringComparison.Ordinal) : line));
        var caught = await OfflineAsync(config.Path, tampered);

        Assert.True(caught.ExitCode == NotVerified, caught.ToString());
        Assert.Contains($"line {index + 1}: the event at position {positions[1]} (stream ", Flat(caught.Stderr), StringComparison.Ordinal);
        Assert.Contains("is not the one that was signed", Flat(caught.Stderr), StringComparison.Ordinal);

        var swapped = Path.Combine(files.Path, "swapped.jsonl");
        await File.WriteAllLinesAsync(swapped, [.. lines[..index], lines[index + 1], lines[index], .. lines[(index + 2)..]]);
        var moved = await OfflineAsync(config.Path, swapped);
        Assert.True(moved.ExitCode == NotVerified, moved.ToString());
        Assert.Contains($"line {index + 2}: the event at position {positions[1]} follows position", Flat(moved.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_filtered_export_or_one_without_its_trailer_when_verified_offline_then_it_is_refused_saying_a_whole_export_is_needed()
    {
        using var config = new TempDirectory();
        using var files = new TempDirectory();
        await server.CheckpointCoveringAsync((await RecordSourcesAsync(server.Recording, 1))[^1]);
        var filtered = Path.Combine(files.Path, "sources.jsonl");
        var exported = await CliProcess.RunAsync("--server", server.Address.ToString(), "history", "export", filtered, "--category", "source");
        Assert.True(exported.ExitCode == 0, exported.ToString());
        Assert.DoesNotContain(await File.ReadAllLinesAsync(filtered), line => line.Contains("exportTrailer", StringComparison.Ordinal));

        var refused = await OfflineAsync(config.Path, filtered);

        Assert.True(refused.ExitCode == BadInput, refused.ToString());
        Assert.Contains("carries no signed checkpoint: it was exported with a filter", Flat(refused.Stderr), StringComparison.Ordinal);
        Assert.Contains("needs a whole export", Flat(refused.Stderr), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(config.Path, "eventdialogue")), "a refused verify pinned something");
    }

    [Fact]
    public async Task Given_a_pin_when_another_key_is_given_for_the_same_log_then_verify_fails_saying_the_log_s_key_changed_and_keeps_the_pin()
    {
        using var config = new TempDirectory();
        var pinned = await VerifyAsync(config.Path);
        Assert.True(pinned.ExitCode == 0, pinned.ToString());
        var pin = Path.Combine(config.Path, "eventdialogue", "pins", PinName);
        var before = await File.ReadAllTextAsync(pin);
        using var other = NoteKey.Generate("eventdialogue.local/log");

        var changed = await CliProcess.RunWithConfigAsync(config.Path, "--server", server.Address.ToString(), "history", "verify", "--verifier-key", other.VerifierKey);

        Assert.True(changed.ExitCode == NotVerified, changed.ToString());
        Assert.Contains("The log's key changed", Flat(changed.Stderr), StringComparison.Ordinal);
        Assert.Contains($"pins the verifier key {server.PrintedVerifierKey} for the log eventdialogue.local/log, but {other.VerifierKey} was given", Flat(changed.Stderr), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(pin));
    }

    [Fact]
    public async Task Given_a_pin_of_a_log_signed_with_the_same_key_when_the_server_serves_another_log_then_verify_fails_as_rewritten_or_shrunk_and_keeps_the_pin()
    {
        using var forkPin = new TempDirectory();
        using var livePin = new TempDirectory();
        await server.CheckpointCoveringAsync((await RecordSourcesAsync(server.Recording, 3))[^1]);
        await using var fork = await ForkAsync();
        await WaitForCheckpointAsync(new AuditService.AuditServiceClient(fork.Channel), (await RecordSourcesAsync(new RecordingService.RecordingServiceClient(fork.Channel), 2))[^1]);

        var pinned = await VerifyAsync(forkPin.Path, fork.Address);
        Assert.True(pinned.ExitCode == 0, pinned.ToString());
        var forkSize = Json(pinned).GetProperty("treeSize").GetInt64();
        var rewritten = await VerifyAsync(forkPin.Path);

        Assert.True(rewritten.ExitCode == NotVerified, rewritten.ToString());
        Assert.Contains($"The log was rewritten: the pinned checkpoint ({Path.Combine(forkPin.Path, "eventdialogue", "pins", PinName)}), of {forkSize} events, is not a prefix of the server's latest", Flat(rewritten.Stderr), StringComparison.Ordinal);
        Assert.Contains($"\n{forkSize}\n", await File.ReadAllTextAsync(Path.Combine(forkPin.Path, "eventdialogue", "pins", PinName)), StringComparison.Ordinal);

        var live = await VerifyAsync(livePin.Path);
        Assert.True(live.ExitCode == 0, live.ToString());
        var shrunk = await VerifyAsync(livePin.Path, fork.Address);
        Assert.True(shrunk.ExitCode == NotVerified, shrunk.ToString());
        Assert.Contains($"The log shrank: the pinned checkpoint", Flat(shrunk.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_conflicting_options_when_verifying_then_the_command_line_is_refused_naming_them()
    {
        using var config = new TempDirectory();

        var modes = await VerifyAsync(config.Path, "--full", "--entry", "case-x");
        var pins = await VerifyAsync(config.Path, "--pin", Path.Combine(config.Path, "pin"), "--save", Path.Combine(config.Path, "saved"));

        Assert.NotEqual(0, modes.ExitCode);
        Assert.Contains("give at most one of --full, --entry and --offline", modes.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, pins.ExitCode);
        Assert.Contains("--pin both reads and updates its file", pins.Stderr, StringComparison.Ordinal);
    }

    private static string Flat(string text) => WhiteSpace().Replace(text, " ");

    private static JsonElement Json(ProcessRun run) => JsonDocument.Parse(run.Stdout).RootElement;

    private Task<ProcessRun> VerifyAsync(string config, params string[] more) => VerifyAsync(config, server.Address, more);

    private Task<ProcessRun> VerifyAsync(string config, Uri address, params string[] more) =>
        CliProcess.RunWithConfigAsync(config, ["--json", "--server", address.ToString(), "history", "verify", "--verifier-key", server.PrintedVerifierKey, .. more]);

    private Task<ProcessRun> OfflineAsync(string config, string export) =>
        CliProcess.RunWithConfigAsync(config, "--json", "--server", NoServer, "history", "verify", "--verifier-key", server.PrintedVerifierKey, "--offline", export);

    /// <summary>A case opened and its status reported: an entry of two events. Returns its stream and their positions.</summary>
    private async Task<(string Stream, long[] Positions)> OpenCaseWithStatusAsync()
    {
        var sourceId = Valid.Id("source");
        var caseId = Valid.Id("case");
        await server.Recording.RegisterSourceAsync(Valid.Source(sourceId), Call());
        var opened = await server.Recording.OpenCaseAsync(Valid.OpenCase(caseId, sourceId), Call());
        var reported = await server.Recording.ReportCaseStatusAsync(Valid.CaseStatus(caseId, sourceId), Call());
        return ($"case-{caseId}", [opened.Result.Position, reported.Result.Position]);
    }

    private static async Task<IReadOnlyList<long>> RecordSourcesAsync(RecordingService.RecordingServiceClient recording, int count)
    {
        var positions = new List<long>();
        for (var i = 0; i < count; i++)
        {
            positions.Add((await recording.RegisterSourceAsync(Valid.Source(Valid.Id("source")), Call())).Result.Position);
        }

        return positions;
    }

    /// <summary>A second server on a SQLite file of its own, signing with a copy of the collection server's key: the same log name and key, another log.</summary>
    private async Task<ForkedServer> ForkAsync()
    {
        var directory = TempDirectory.Create();
        var key = Path.Combine(directory, "log-key");
        File.Copy(server.DefaultKeyPath, key);
        var process = ServerProcess.Start(directory, new Dictionary<string, string>
        {
            ["EventStore:Backend"] = "sqlite",
            ["EventStore:SqlitePath"] = Path.Combine(directory, "fork.sqlite"),
            ["Integrity:SigningKeyPath"] = key,
            ["Integrity:CheckpointIntervalSeconds"] = "1",
        });
        var fork = new ForkedServer(process, directory);
        try
        {
            await process.WaitUntilServingAsync(Timeouts.ServerStart);
            return fork;
        }
        catch
        {
            await fork.DisposeAsync();
            throw;
        }
    }

    private static async Task WaitForCheckpointAsync(AuditService.AuditServiceClient audit, long position)
    {
        var deadline = DateTime.UtcNow + Timeouts.ServerStart;
        while (true)
        {
            try
            {
                await audit.GetInclusionProofAsync(new GetInclusionProofRequest { Position = position }, Call());
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private sealed class ForkedServer(ServerProcess process, string directory) : IAsyncDisposable
    {
        private readonly Lazy<Grpc.Net.Client.GrpcChannel> _channel = new(process.CreateChannel);

        public Uri Address => process.GrpcAddress;

        public Grpc.Net.Client.GrpcChannel Channel => _channel.Value;

        public async ValueTask DisposeAsync()
        {
            if (_channel.IsValueCreated)
            {
                _channel.Value.Dispose();
            }

            await process.DisposeAsync();
            TempDirectory.Delete(directory);
        }
    }
}
