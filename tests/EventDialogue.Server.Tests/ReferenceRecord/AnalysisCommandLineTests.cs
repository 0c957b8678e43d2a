using System.Text.Json;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.ReferenceRecord;

/// <summary>`eventdialogue analysis …` run as a process against the real server holding the reference record.</summary>
[Collection(SqliteReferenceRecordGroup.Name)]
public sealed class AnalysisCommandLineTests(SqliteReferenceRecord record)
{
    private string Server => record.Server.GrpcAddress.ToString();

    [Fact]
    public async Task Scorecard_by_party_as_CSV_has_a_row_per_status_with_the_commitments_behind_it()
    {
        var run = await CliProcess.RunAsync("analysis", "scorecard", "--by", "party", "--as-of", "2026-11-26", "--csv", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Counted,Group,Total,Status,Count,Rate,Days late,Commitments", lines[0]);
        Assert.Contains("yes,cn,3,kept,2,66.7%,,hold-dialogue-agreed-2009-11 next-round-in-china-2011", lines);
        Assert.Contains("yes,cn,3,unknown,1,33.3%,,legal-experts-dialogue", lines);
        Assert.Contains(lines, l => l.StartsWith("no (other kind),us,5,unknown,5,100%,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scorecard_prints_a_table_titled_with_the_day_and_the_kinds_counted()
    {
        var run = await CliProcess.RunAsync("analysis", "scorecard", "--as-of", "2026-11-26", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Commitments by dialogue as of 2026-11-26; counted: undertaking", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(run.Stdout.Split('\n'), row => row.Contains("us-china-human-rights", StringComparison.Ordinal) && row.Contains("pending", StringComparison.Ordinal) && row.Contains("71.4%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Timeline_says_dates_in_words_in_the_table_and_keeps_EDTF_in_json()
    {
        var table = await CliProcess.RunAsync("analysis", "timeline", "liu-xiaobo", "--server", Server);
        var json = await CliProcess.RunAsync("analysis", "timeline", "liu-xiaobo", "--json", "--server", Server);

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("sometime in April 2011", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("up to 13 May 2010", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("/2010-05-13", table.Stdout, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal("/2010-05-13", document.RootElement.GetProperty("entries")[0].GetProperty("date").GetString());
    }

    [Fact]
    public async Task Recurrence_as_CSV_has_a_row_per_raising_with_the_nearest_status_in_words()
    {
        var run = await CliProcess.RunAsync("analysis", "recurrence", "--as-of", "2011-05-01", "--csv", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Case,Raised,Round,Channel,By,Public,Status nearest", lines[0]);
        Assert.Contains("gao-zhisheng,13 May 2010,2010-washington,round,us,confidential,\"detained (believed), 14 May 2010\"", lines);
        Assert.Equal(["gao-zhisheng", "liu-xiaobo"], lines.Skip(1).Select(l => l.Split(',')[0]).Distinct());
    }

    [Fact]
    public async Task Compare_as_CSV_quotes_cells_of_several_lines()
    {
        var run = await CliProcess.RunAsync("analysis", "compare", "2010-washington", "2011-beijing", "--csv", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith(",2010-washington,2011-beijing,both\r\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("cases,\"disbarred-lawyers\nfalun-gong\nrefugee-cases\ntibet\nxinjiang\",\"ai-weiwei\nchen-guangcheng\njasmine-crackdown-detainees\nliu-xia\nteng-biao\",\"gao-zhisheng\nliu-xiaobo\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_grouping_is_refused_with_exit_code_1_naming_the_field()
    {
        var run = await CliProcess.RunAsync("analysis", "scorecard", "--by", "weekday", "--server", Server);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("group_by", run.Stderr, StringComparison.Ordinal);
    }
}
