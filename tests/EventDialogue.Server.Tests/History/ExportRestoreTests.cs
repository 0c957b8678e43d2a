using EventDialogue.Api.V1;
using EventDialogue.EventStore;
using EventDialogue.Server.Tests.Hosting;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace EventDialogue.Server.Tests.History;

/// <summary>
/// `history export` and `history restore` against real servers: a log moved from SQLite to PostgreSQL and back is the
/// same log, event for event, and serves the same views; a restore that must not happen changes nothing.
/// </summary>
[Collection(ExportRestoreGroup.Name)]
public sealed class ExportRestoreTests(ExportRestoreServers servers)
{
    private static readonly JsonParser Lines = new(JsonParser.Settings.Default);

    [Fact]
    public void Given_a_recorded_history_when_it_is_exported_and_restored_from_the_command_line_then_every_run_succeeds()
    {
        Assert.All(servers.MigrationRuns, run => Assert.True(run.ExitCode == 0, run.ToString()));
        Assert.Contains($"up to position {servers.History.Head}; the views are up to date", servers.MigrationRuns[1].Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_SQLite_log_when_restored_into_an_empty_PostgreSQL_store_then_ids_positions_revisions_times_and_metadata_are_the_same()
    {
        var source = await ExportRestoreServers.LogOf(servers.Source);
        var restored = await ExportRestoreServers.LogOf(servers.Postgres);

        Assert.Equal(servers.History.Head, source[^1].Position);
        Assert.Contains(source, e => e.Type == "EntryCorrected");
        Assert.Contains(source, e => e.Type == "EntryRetracted");
        Assert.Equal(source, restored);
    }

    [Fact]
    public async Task Given_that_PostgreSQL_log_when_exported_and_restored_into_an_empty_SQLite_store_then_it_is_the_same_log_again()
    {
        var source = await ExportRestoreServers.LogOf(servers.Source);

        Assert.Equal(source, await ExportRestoreServers.LogOf(servers.Sqlite));
        var fromSource = await File.ReadAllLinesAsync(servers.SourceExport);
        var fromPostgres = await File.ReadAllLinesAsync(servers.PostgresExport);
        Assert.Equal(fromSource[..^1], fromPostgres[..^1]);
        Assert.Equal(SignedText(fromSource[^1]), SignedText(fromPostgres[^1]));
    }

    [Fact]
    public async Task Given_restored_stores_when_their_views_have_caught_up_then_every_view_answers_as_the_source_does()
    {
        var expected = await ViewsOf(servers.Source);

        Assert.Equal(expected, await ViewsOf(servers.Postgres));
        Assert.Equal(expected, await ViewsOf(servers.Sqlite));
        Assert.Contains(servers.History.RoundId, expected[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_export_then_each_line_is_one_event_in_the_API_s_JSON_with_all_its_metadata_and_the_last_the_signed_checkpoint_of_them_all()
    {
        var source = await ExportRestoreServers.LogOf(servers.Source);
        var lines = await File.ReadAllLinesAsync(servers.SourceExport);

        Assert.Equal(source.Count + 1, lines.Length);
        Assert.StartsWith($"{source.Count}\n", SignedText(lines[^1]).Split('\n', 2)[1], StringComparison.Ordinal);
        for (var i = 0; i < source.Count; i++)
        {
            var exported = Lines.Parse<HistoryEvent>(lines[i]);
            var stored = source[i];
            Assert.Equal(stored.Position.Value, exported.Position);
            Assert.Equal(stored.EventId.ToString(), exported.EventId);
            Assert.Equal(stored.Stream.Value, exported.Stream);
            Assert.Equal(stored.Revision, exported.Revision);
            Assert.Equal(Timestamp.FromDateTimeOffset(stored.RecordedAt), exported.RecordedAt);
            Assert.Equal(stored.Metadata.RecordedBy, exported.RecordedBy);
            Assert.Equal(stored.Metadata.CorrelationId, exported.CorrelationId);
            Assert.Equal(stored.Metadata.RequestFingerprint ?? string.Empty, exported.RequestFingerprint);
            Assert.Equal(stored.Data, exported.Data);
        }
    }

    [Fact]
    public async Task Given_an_export_cut_short_in_the_middle_of_a_line_when_run_again_then_it_goes_on_and_the_file_is_whole()
    {
        var whole = await File.ReadAllTextAsync(servers.SourceExport);
        var lines = whole.Split('\n');
        var cut = servers.NewFilePath("cut.jsonl");
        await File.WriteAllTextAsync(cut, string.Join('\n', lines.Take(4)) + "\n" + lines[4][..(lines[4].Length / 2)]);

        var run = await CliProcess.RunAsync("history", "export", cut, "--server", ExportRestoreServers.Address(servers.Source));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("going on after position", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(whole, await File.ReadAllTextAsync(cut));
    }

    [Fact]
    public async Task Given_a_filter_when_exporting_then_only_the_events_it_picks_are_written_in_position_order()
    {
        var file = servers.NewFilePath("cases.jsonl");

        var run = await CliProcess.RunAsync("history", "export", file, "--category", "case", "--server", ExportRestoreServers.Address(servers.Source));

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = (await ExportRestoreServers.LogOf(servers.Source)).Where(e => e.Stream.Category == "case").Select(e => e.Position.Value);
        var exported = (await File.ReadAllLinesAsync(file)).Select(line => Lines.Parse<HistoryEvent>(line).Position);
        Assert.Equal(expected, exported);
    }

    [Fact]
    public async Task Given_a_store_that_holds_events_when_a_log_is_restored_into_it_then_it_is_refused_as_FAILED_PRECONDITION_and_nothing_changes()
    {
        var before = await ExportRestoreServers.LogOf(servers.Source);

        var run = await CliProcess.RunAsync("history", "restore", servers.SourceExport, "--server", ExportRestoreServers.Address(servers.Source));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"FAILED_PRECONDITION: the store is not empty: it holds events up to position {servers.History.Head}", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await ExportRestoreServers.LogOf(servers.Source));
    }

    [Fact]
    public async Task Given_a_file_with_a_malformed_line_when_restoring_then_the_line_is_named_and_nothing_is_restored()
    {
        var lines = await File.ReadAllLinesAsync(servers.SourceExport);
        lines[2] = lines[2].Replace("\"recordedBy\"", "\"recordedBy\": 7, \"recorded_by_typo\"", StringComparison.Ordinal);
        var file = servers.NewFilePath("malformed.jsonl");
        await File.WriteAllLinesAsync(file, lines);

        var run = await CliProcess.RunAsync("history", "restore", file, "--server", ExportRestoreServers.Address(servers.Empty));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"{file}, line 3: not an exported event", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(Position.Start, await servers.Empty.Store.ReadHeadPositionAsync());
    }

    [Fact]
    public async Task Given_a_well_formed_file_with_an_event_out_of_place_when_restoring_then_the_server_names_its_position_and_field_and_nothing_is_restored()
    {
        var lines = await File.ReadAllLinesAsync(servers.SourceExport);
        var moved = Lines.Parse<HistoryEvent>(lines[5]);
        moved.Revision += 1;
        lines[5] = new JsonFormatter(JsonFormatter.Settings.Default).Format(moved);
        var file = servers.NewFilePath("revision-gap.jsonl");
        await File.WriteAllLinesAsync(file, lines);

        var run = await CliProcess.RunAsync("history", "restore", file, "--server", ExportRestoreServers.Address(servers.Empty));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"INVALID_ARGUMENT: events[position {moved.Position}].revision", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(Position.Start, await servers.Empty.Store.ReadHeadPositionAsync());
    }

    /// <summary>
    /// The checkpoint a whole export's last line carries, without its signature: two servers with the same log sign the
    /// same origin, size and root, each with its own key.
    /// </summary>
    private static string SignedText(string trailer)
    {
        using var json = System.Text.Json.JsonDocument.Parse(trailer);
        var note = json.RootElement.GetProperty("exportTrailer").GetProperty("signedCheckpoint").GetString()!;
        return note[..(note.IndexOf("\n\n", StringComparison.Ordinal) + 1)];
    }

    /// <summary>Every list view, read once the server's projections have reached the restored head.</summary>
    private async Task<List<string>> ViewsOf(Recording.RecordingServer server)
    {
        var views = ExportRestoreServers.Views(server);
        var head = servers.History.Head.Value;
        var deadline = DateTime.UtcNow + Timeouts.Call;
        return
        [
            (await views.ListRoundsAsync(new ListRoundsRequest { PageSize = 100, MinPosition = head }, deadline: deadline)).ToString(),
            (await views.ListCaseFilesAsync(new ListCaseFilesRequest { PageSize = 100, MinPosition = head }, deadline: deadline)).ToString(),
            (await views.ListCommitmentsAsync(new ListCommitmentsRequest { PageSize = 100, MinPosition = head }, deadline: deadline)).ToString(),
            (await views.ListStatementsAsync(new ListStatementsRequest { PageSize = 100, MinPosition = head }, deadline: deadline)).ToString(),
            (await views.ListTopicsAsync(new ListTopicsRequest { PageSize = 100, MinPosition = head }, deadline: deadline)).ToString(),
            (await views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = servers.History.CaseId, MinPosition = head }, deadline: deadline)).ToString(),
            (await views.GetStatementAsync(new GetStatementRequest { StatementId = servers.History.StatementId, MinPosition = head }, deadline: deadline)).ToString(),
        ];
    }
}
