using EventDialogue.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace EventDialogue.Server.Tests.History;

public abstract partial class EntryHistoryContract
{
    private const string Posner = "Michael H. Posner";
    private const string Misquoted = "It was a tough set of talks";
    private const string Words = "It was a tough set of discussions";

    /// <summary>A statement recorded misquoted, corrected, then retracted; what the live view answered after each step.</summary>
    protected async Task<StatementStory> GivenAStatementCorrectedThenRetractedAsync()
    {
        var s = Suffix();
        var (sourceId, _, roundId, _) = await GivenARoundAsync(s);
        var statementId = $"posner-tough-{s}";
        var recorded = (await Recording.RecordStatementAsync(new RecordStatementRequest
        {
            RequestId = RequestId(),
            StatementId = statementId,
            Speaker = Posner,
            Side = "us",
            Setting = "press-conference",
            Said = "2010-05-14",
            Text = Misquoted,
            Exact = true,
            Topics = { "tone" },
            RoundId = roundId,
            Source = Cite(sourceId, Misquoted),
        }, Call())).Result;
        var asRecorded = (await Views.GetStatementAsync(new GetStatementRequest { StatementId = statementId, MinPosition = recorded.Position }, Call())).Statement;
        var corrected = (await Recording.CorrectEntryAsync(new CorrectEntryRequest
        {
            RequestId = RequestId(),
            TargetStream = $"statement-{statementId}",
            TargetRevision = 0,
            ReplacementType = "StatementRecorded",
            Replacement = Replacement(statementId, roundId, sourceId),
            Reason = "misquoted: the transcript says discussions",
            Source = Cite(sourceId, Words),
        }, Call())).Result;
        var asCorrected = (await Views.GetStatementAsync(new GetStatementRequest { StatementId = statementId, MinPosition = corrected.Position }, Call())).Statement;
        var retracted = (await Recording.RetractEntryAsync(new RetractEntryRequest
        {
            RequestId = RequestId(),
            TargetStream = $"statement-{statementId}",
            TargetRevision = 0,
            Reason = "said off the record: not to be kept",
        }, Call())).Result;
        return new StatementStory(statementId, $"statement-{statementId}", recorded.Position, corrected.Position, retracted.Position, asRecorded, asCorrected);
    }

    [Fact]
    public async Task Given_a_statement_corrected_then_retracted_when_its_history_is_read_then_all_three_events_say_who_why_and_what_changed_though_the_view_no_longer_has_it()
    {
        var story = await GivenAStatementCorrectedThenRetractedAsync();

        await NotFoundAsync(story.StatementId, async () => await Views.GetStatementAsync(new GetStatementRequest { StatementId = story.StatementId, MinPosition = story.Retracted }, Call()));
        var history = await History.GetEntryHistoryAsync(new GetEntryHistoryRequest { Stream = story.Stream }, Call());

        Assert.Equal(story.Stream, history.Stream);
        Assert.True(history.Retracted);
        Assert.Equal(["StatementRecorded", "EntryCorrected", "EntryRetracted"], history.Steps.Select(s => s.Event.Type));
        Assert.Equal([story.Recorded, story.Corrected, story.Retracted], history.Steps.Select(s => s.Event.Position));
        Assert.All(history.Steps, s => Assert.Equal("views-e2e", s.Event.RecordedBy));
        var (recorded, correction, retraction) = (history.Steps[0], history.Steps[1], history.Steps[2]);

        Assert.Null(recorded.Event.Amends);
        Assert.Contains(recorded.Changes, c => c is { Field: "text", Before: "", After: "\"" + Misquoted + "\"" });
        Assert.All(recorded.Changes, c => Assert.Equal(string.Empty, c.Before));

        Assert.Equal((0L, "StatementRecorded", "misquoted: the transcript says discussions", false), (correction.Event.Amends.TargetRevision, correction.Event.Amends.TargetType, correction.Event.Amends.Reason, correction.Event.Amends.Retracted));
        Assert.Equal(Words, correction.Event.Source.Quote);
        Assert.Equal(
            [("text", "\"" + Misquoted + "\"", "\"" + Words + "\""), ("source.quote", "\"" + Misquoted + "\"", "\"" + Words + "\"")],
            correction.Changes.Select(c => (c.Field, c.Before, c.After)));

        Assert.Equal(("said off the record: not to be kept", true), (retraction.Event.Amends.Reason, retraction.Event.Amends.Retracted));
        Assert.Contains(retraction.Changes, c => c is { Field: "text", Before: "\"" + Words + "\"", After: "" });
        Assert.All(retraction.Changes, c => Assert.Equal(string.Empty, c.After));
    }

    [Fact]
    public async Task Given_a_statement_corrected_then_retracted_when_asked_as_of_each_position_then_it_reads_as_the_live_view_did_then_and_retracted_with_the_reason_at_the_end()
    {
        var story = await GivenAStatementCorrectedThenRetractedAsync();

        await NotFoundAsync("did not exist yet", async () => await AtPositionAsync(story.Stream, story.Recorded - 1));
        var afterRecording = await AtPositionAsync(story.Stream, story.Recorded);
        var beforeCorrection = await AtPositionAsync(story.Stream, story.Corrected - 1);
        var afterCorrection = await AtPositionAsync(story.Stream, story.Corrected);
        var afterRetraction = await AtPositionAsync(story.Stream, story.Retracted);

        Assert.Equal(story.AsRecorded, afterRecording.Statement);
        Assert.Equal((story.Recorded, false, string.Empty), (afterRecording.Position, afterRecording.Retracted, afterRecording.RetractionReason));
        Assert.Equal(story.AsRecorded, beforeCorrection.Statement);
        Assert.Equal(story.Recorded, beforeCorrection.Position);
        Assert.Equal(story.AsCorrected, afterCorrection.Statement);
        Assert.Equal((story.Corrected, false), (afterCorrection.Position, afterCorrection.Retracted));
        Assert.Equal(Words, afterCorrection.Statement.Text);
        Assert.Equal(story.AsCorrected, afterRetraction.Statement);
        Assert.Equal((story.Retracted, true, "said off the record: not to be kept"), (afterRetraction.Position, afterRetraction.Retracted, afterRetraction.RetractionReason));
    }

    [Fact]
    public async Task Given_a_statement_corrected_then_retracted_when_asked_as_of_each_recording_time_then_it_reads_as_the_live_view_did_then()
    {
        var story = await GivenAStatementCorrectedThenRetractedAsync();
        var steps = (await History.GetEntryHistoryAsync(new GetEntryHistoryRequest { Stream = story.Stream }, Call())).Steps;
        var times = steps.Select(s => s.Event.RecordedAt).ToList();
        static Timestamp JustBefore(Timestamp t) => Timestamp.FromDateTime(t.ToDateTime().AddTicks(-10));

        await NotFoundAsync("did not exist yet", async () => await AtTimeAsync(story.Stream, JustBefore(times[0])));
        var afterRecording = await AtTimeAsync(story.Stream, times[0]);
        var beforeCorrection = await AtTimeAsync(story.Stream, JustBefore(times[1]));
        var afterCorrection = await AtTimeAsync(story.Stream, times[1]);
        var afterRetraction = await AtTimeAsync(story.Stream, times[2]);
        var later = await AtTimeAsync(story.Stream, Timestamp.FromDateTime(times[2].ToDateTime().AddDays(1)));

        Assert.Equal((story.AsRecorded, story.Recorded, times[0]), (afterRecording.Statement, afterRecording.Position, afterRecording.RecordedAt));
        Assert.Equal((story.AsRecorded, story.Recorded), (beforeCorrection.Statement, beforeCorrection.Position));
        Assert.Equal((story.AsCorrected, story.Corrected, false), (afterCorrection.Statement, afterCorrection.Position, afterCorrection.Retracted));
        Assert.Equal((story.AsCorrected, story.Retracted, true), (afterRetraction.Statement, afterRetraction.Position, afterRetraction.Retracted));
        Assert.Equal((story.AsCorrected, story.Retracted, true, times[2]), (later.Statement, later.Position, later.Retracted, later.RecordedAt));
    }

    private static Struct Replacement(string statementId, string roundId, string sourceId) => new()
    {
        Fields =
        {
            ["statement_id"] = Value.ForString(statementId),
            ["speaker"] = Value.ForString(Posner),
            ["speaker_title"] = Value.ForNull(),
            ["side"] = Value.ForString("us"),
            ["setting"] = Value.ForString("press-conference"),
            ["said"] = Value.ForString("2010-05-14"),
            ["place"] = Value.ForNull(),
            ["text"] = Value.ForString(Words),
            ["exact"] = Value.ForBool(true),
            ["topics"] = Value.ForList(Value.ForString("tone")),
            ["stance"] = Value.ForNull(),
            ["round_id"] = Value.ForString(roundId),
            ["source"] = Value.ForStruct(new Struct
            {
                Fields =
                {
                    ["source_id"] = Value.ForString(sourceId),
                    ["quote"] = Value.ForString(Words),
                    ["locator"] = Value.ForNull(),
                },
            }),
        },
    };

    protected sealed record StatementStory(string StatementId, string Stream, long Recorded, long Corrected, long Retracted, Statement AsRecorded, Statement AsCorrected);
}
