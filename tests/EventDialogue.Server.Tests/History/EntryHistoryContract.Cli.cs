using System.Text.Json;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.History;

/// <summary>`eventdialogue history show` and `history as-of`, run as a process against the real server.</summary>
public abstract partial class EntryHistoryContract
{
    [Fact]
    public async Task Given_a_corrected_and_retracted_statement_when_history_show_runs_then_its_table_shows_each_event_why_and_the_changed_words()
    {
        var story = await GivenAStatementCorrectedThenRetractedAsync();

        var run = await CliProcess.RunAsync("history", "show", story.Stream, "--server", Server.GrpcAddress.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("retracted", run.Stdout, StringComparison.Ordinal);
        var rows = run.Stdout.Split('\n');
        Assert.Contains(rows, r => r.Contains("EntryCorrected", StringComparison.Ordinal) && r.Contains("misquoted", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("EntryRetracted", StringComparison.Ordinal) && r.Contains("off the record", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("StatementRecorded", StringComparison.Ordinal) && r.Contains("views-e2e", StringComparison.Ordinal));
        Assert.Contains("discussions", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_corrected_and_retracted_statement_when_history_as_of_runs_with_a_position_and_json_then_it_prints_the_statement_as_it_then_read()
    {
        var story = await GivenAStatementCorrectedThenRetractedAsync();

        var before = await CliProcess.RunAsync("history", "as-of", "--position", story.Recorded.ToString(System.Globalization.CultureInfo.InvariantCulture), story.Stream, "--json", "--server", Server.GrpcAddress.ToString());
        var table = await CliProcess.RunAsync("history", "as-of", "--position", story.Retracted.ToString(System.Globalization.CultureInfo.InvariantCulture), story.Stream, "--server", Server.GrpcAddress.ToString());

        Assert.True(before.ExitCode == 0, before.ToString());
        using var json = JsonDocument.Parse(before.Stdout);
        Assert.Equal(Misquoted, json.RootElement.GetProperty("statement").GetProperty("text").GetString());
        Assert.Equal(story.StatementId, json.RootElement.GetProperty("statement").GetProperty("statementId").GetString());
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("Retracted", table.Stdout, StringComparison.Ordinal);
        Assert.Contains(Words, table.Stdout, StringComparison.Ordinal);
    }
}
