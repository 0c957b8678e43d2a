using System.Text.Json;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using EventDialogue.Server.Tests.ReferenceRecord;

namespace EventDialogue.Server.Tests.History;

/// <summary>`eventdialogue history read` and `history follow`, run as processes against the real server holding the reference record.</summary>
[Collection(SqliteReferenceRecordGroup.Name)]
public sealed class HistoryCommandLineTests(SqliteReferenceRecord record)
{
    private const string BriefingSource = "state-posner-briefing-2010-05-14";

    private string Server => record.Server.GrpcAddress.ToString();

    [Fact]
    public async Task History_read_of_a_stream_with_json_prints_one_event_per_line_in_revision_order_with_its_source()
    {
        var run = await CliProcess.RunAsync("history", "read", "--stream", "case-liu-xiaobo", "--json", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        var events = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.True(events.Count >= 3, run.ToString());
        Assert.All(events, e => Assert.Equal("case-liu-xiaobo", e.GetProperty("stream").GetString()));
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => (long)i), events.Select(e => e.TryGetProperty("revision", out var r) ? long.Parse(r.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : 0L));
        Assert.Equal("CaseOpened", events[0].GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(events[0].GetProperty("source").GetProperty("sourceId").GetString()), run.Stdout);
    }

    [Fact]
    public async Task History_read_of_the_log_filtered_by_event_type_prints_a_table_of_those_events_only()
    {
        var run = await CliProcess.RunAsync("history", "read", "--all", "--event-type", "RoundHeld", "--server", Server);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("round-2010-washington", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("round-2011-beijing", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("RoundScheduled", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("CaseOpened", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_read_without_a_stream_or_all_is_refused_before_any_call()
    {
        var run = await CliProcess.RunAsync("history", "read", "--server", Server);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--stream", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_follow_catches_up_then_prints_an_event_recorded_while_it_runs_and_ends_on_ctrl_c_with_no_error()
    {
        var statementId = $"follow-{Guid.NewGuid():N}";
        var stream = $"statement-{statementId}";
        await using var follow = RunningCli.Start("history", "follow", "--in-stream", stream, "--json", "--server", Server);
        await follow.Stdout.WaitForAsync(text => text.Contains("caughtUp", StringComparison.Ordinal), Timeouts.Call);

        var written = await record.Server.Recording.RecordStatementAsync(Valid.Statement(statementId, BriefingSource), deadline: DateTime.UtcNow + Timeouts.Call);

        await follow.Stdout.WaitForAsync(text => FollowedEvents(text).Any(e => e.Stream == stream), Timeouts.Call);
        Assert.Equal([(stream, written.Result.Position)], FollowedEvents(follow.Stdout.ToString()).Select(e => (e.Stream, e.Position)));
        // 130 (128 + SIGINT) is how a shell tells a program ended by Ctrl-C; System.CommandLine answers it on purpose.
        Assert.Equal(130, await follow.InterruptAsync(Timeouts.Call));
        Assert.DoesNotContain("Exception", follow.Stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cannot", follow.Stderr.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The events among the JSON lines a follow printed (it prints checkpoints and its catching up too).</summary>
    private static List<(string Stream, long Position)> FollowedEvents(string stdout)
    {
        var events = new List<(string, long)>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty("event", out var e))
            {
                events.Add((e.GetProperty("stream").GetString()!, long.Parse(e.GetProperty("position").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return events;
    }
}
