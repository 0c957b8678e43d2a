using System.Text.Json;
using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Core;

namespace EventDialogue.Server.Tests.ReferenceRecord;

/// <summary>
/// The `eventdialogue` command-line client, run as a process against the real server holding the reference record:
/// tables by default, JSON with --json, and a clear message and exit code when something is wrong.
/// </summary>
[Collection(SqliteReferenceRecordGroup.Name)]
public sealed class CommandLineClientTests(SqliteReferenceRecord record)
{
    private string Server => record.Server.GrpcAddress.ToString();

    [Fact]
    public async Task Rounds_list_prints_a_table_of_the_rounds_with_their_dates_and_places()
    {
        var run = await CliProcess.RunAsync("rounds", "list", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = run.Stdout.Split('\n');
        Assert.Contains(rows, row => row.Contains("2010-washington", StringComparison.Ordinal) && row.Contains("2010-05-13/2010-05-14", StringComparison.Ordinal) && row.Contains("Washington, DC", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.Contains("2011-beijing", StringComparison.Ordinal) && row.Contains("Beijing", StringComparison.Ordinal) && row.Contains("16th", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rounds_show_prints_the_delegations_and_the_site_visits()
    {
        var run = await CliProcess.RunAsync("rounds", "show", "2010-washington", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Chen Xu", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Supreme Court", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("next-round-in-china-2011", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cases_show_with_json_prints_the_case_file_in_the_API_s_JSON_form()
    {
        var run = await CliProcess.RunAsync("cases", "show", "liu-xiaobo", "--json", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var caseFile = json.RootElement.GetProperty("caseFile");
        Assert.Equal("liu-xiaobo", caseFile.GetProperty("caseId").GetString());
        Assert.Equal("sentenced", caseFile.GetProperty("currentStatus").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Commitments_list_by_status_shows_which_2010_commitments_were_kept()
    {
        var run = await CliProcess.RunAsync("commitments", "list", "--round", "2010-washington", "--status", "kept", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("next-round-in-china-2011", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("legal-experts-dialogue", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commitments_show_says_why_the_legal_experts_dialogue_is_unknown_with_its_dates_in_words_and_EDTF_in_json()
    {
        var run = await CliProcess.RunAsync("commitments", "show", "legal-experts-dialogue", "--as-of", "2026-11-26", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("unknown", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("by the end of June 2011", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("rescheduled", run.Stdout, StringComparison.Ordinal);

        var json = await CliProcess.RunAsync("commitments", "show", "legal-experts-dialogue", "--as-of", "2026-11-26", "--json", "--server", Server);
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal("2011-06", document.RootElement.GetProperty("commitment").GetProperty("dueInForce").GetString());
    }

    [Fact]
    public async Task Statements_search_finds_what_was_said_about_the_rule_of_law()
    {
        var run = await CliProcess.RunAsync("statements", "search", "rule of law", "--json", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var texts = json.RootElement.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("text").GetString()).ToList();
        Assert.NotEmpty(texts);
        Assert.Contains(texts, text => text!.Contains("rule of law", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Statements_search_shows_a_statement_found_by_its_topic_with_the_matching_topic()
    {
        var run = await CliProcess.RunAsync("statements", "search", "\"Liu Xiaobo\" -gao", "--limit", "50", "--server", Server);

        var json = await CliProcess.RunAsync("statements", "search", "\"Liu Xiaobo\" -gao", "--limit", "50", "--json", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("sovereignty", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("topics:", run.Stdout, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Stdout);
        var byTopic = document.RootElement.GetProperty("statements").EnumerateArray().Single(s => s.GetProperty("statementId").GetString() == "wang-baodong-2010-05-judicial-sovereignty");
        Assert.Equal(["[Liu] [Xiaobo]"], byTopic.GetProperty("match").GetProperty("highlightedTopics").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Statements_search_with_an_unbalanced_quote_says_what_is_wrong_with_the_query_and_exits_1()
    {
        var run = await CliProcess.RunAsync("statements", "search", "\"rule of law", "--server", Server);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("never closed", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_reference_record_again_from_the_command_line_records_nothing()
    {
        var run = await CliProcess.RunAsync("import", "--json", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, json.RootElement.GetProperty("recorded").GetInt32());
        Assert.Equal(record.Dataset.EntryCount, json.RootElement.GetProperty("replayed").GetInt32());
        Assert.Contains("Importing 30-2012-washington.yaml", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_dataset_is_refused_naming_the_file_and_line_and_nothing_is_sent()
    {
        using var scratch = new ScratchDataset();
        scratch.AddFile("10-round.yaml", """
            about: A round with a field of another call.
            entries:
              - record: hold-round
                round_id: scratch-cli-round
                dialogue_id: us-china-human-rights
                dates: "2031-03-03"
                host: somebody
            """);

        var run = await CliProcess.RunAsync("import", scratch.DataFolder, "--sources", scratch.SourcesFolder, "--server", Server);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("nothing was sent", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("10-round.yaml:7: 'host' is not a field of HoldRoundRequest", run.Stderr, StringComparison.Ordinal);
        var lookup = await Assert.ThrowsAsync<RpcException>(async () => await record.Views.GetRoundAsync(
            new GetRoundRequest { RoundId = "scratch-cli-round", MinPosition = record.FirstImport.LastPosition },
            deadline: DateTime.UtcNow + Timeouts.Call));
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task When_no_server_listens_at_the_address_the_client_says_it_cannot_reach_it()
    {
        var address = $"http://127.0.0.1:{FreePorts.Take(1)[0]}";

        var run = await CliProcess.RunAsync("rounds", "list", "--server", address);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains($"Cannot reach the EventDialogue server at {address}/", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Pointed_at_the_JSON_port_the_client_says_that_it_is_not_the_gRPC_one()
    {
        using var json = record.Server.NewJsonClient();

        var run = await CliProcess.RunAsync("rounds", "list", "--server", json.BaseAddress!.ToString());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("JSON port", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:5080")]
    [InlineData("ftp://example.org")]
    public async Task An_address_that_is_not_an_http_address_is_refused_before_any_call(string address)
    {
        var run = await CliProcess.RunAsync("rounds", "list", "--server", address);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"'{address}' is not a server address", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_case_is_reported_as_not_found()
    {
        var run = await CliProcess.RunAsync("cases", "show", "nobody-at-all", "--server", Server);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("NOT_FOUND: case 'nobody-at-all'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Views_rebuild_builds_a_view_again_and_says_how_far_it_is_and_the_case_files_read_as_before()
    {
        var before = await CliProcess.RunAsync("cases", "show", "liu-xiaobo", "--json", "--server", Server);

        var run = await CliProcess.RunAsync("views", "rebuild", "case-files-v2", "--server", Server);
        var after = await CliProcess.RunAsync("cases", "show", "liu-xiaobo", "--json", "--server", Server);
        var unknown = await CliProcess.RunAsync("views", "rebuild", "case-files", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches("The case-files-v2 view was built again and is in place: it has applied the log up to position [1-9][0-9]*", run.Stdout);
        Assert.True(before.ExitCode == 0 && after.ExitCode == 0, $"{before}\n{after}");
        Assert.Equal(before.Stdout, after.Stdout);
        Assert.True(unknown.ExitCode == 1, unknown.ToString());
        Assert.Contains("NOT_FOUND: view: there is no view 'case-files': the views are rounds-v4, case-files-v2", unknown.Stderr, StringComparison.Ordinal);
    }
}
