using System.Text.Json;
using EventDialogue.Api.V1;
using Google.Protobuf.WellKnownTypes;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Core;

namespace EventDialogue.Server.Tests.History;

public abstract partial class HistoryReadsContract
{
    [Fact]
    public async Task Given_a_stream_of_five_events_when_read_forwards_backwards_from_a_revision_and_counted_then_each_read_has_the_right_revisions()
    {
        var (sourceId, _) = await RegisterSourceAsync(Recording);
        var statementId = Unique("candid");
        await RecordStatementAsync(Recording, statementId, sourceId);
        for (var i = 0; i < 4; i++)
        {
            await CorrectAsync(statementId, sourceId, 0, $"candid, take {i}");
        }

        var stream = $"statement-{statementId}";
        async Task<long[]> Revisions(ReadStreamRequest request) => [.. (await ReadStreamAsync(request)).Select(e => e.Revision)];

        Assert.Equal(new long[] { 0L, 1, 2, 3, 4 }, await Revisions(new() { Stream = stream }));
        Assert.Equal(new long[] { 4L, 3, 2, 1, 0 }, await Revisions(new() { Stream = stream, Direction = ReadDirection.Backwards }));
        Assert.Equal(new long[] { 4L, 3 }, await Revisions(new() { Stream = stream, Direction = ReadDirection.Backwards, FromEnd = true, FromRevision = 1, MaxCount = 2 }));
        Assert.Equal(new long[] { 2L, 1, 0 }, await Revisions(new() { Stream = stream, Direction = ReadDirection.Backwards, FromRevision = 2 }));
        Assert.Equal(new long[] { 2L, 3, 4 }, await Revisions(new() { Stream = stream, Direction = ReadDirection.Forwards, FromRevision = 2 }));
        Assert.Equal(new long[] { 1L, 2 }, await Revisions(new() { Stream = stream, FromRevision = 1, MaxCount = 2 }));
        Assert.Empty(await Revisions(new() { Stream = stream, FromRevision = 9 }));
    }

    [Fact]
    public async Task Given_events_in_several_streams_when_all_is_read_with_each_kind_of_filter_and_after_a_position_then_only_the_matching_events_come_in_position_order()
    {
        var (sourceId, registered) = await RegisterSourceAsync(Recording);
        var first = Unique("first");
        var second = Unique("second");
        await RecordStatementAsync(Recording, first, sourceId);
        await RecordStatementAsync(Recording, second, sourceId);
        var corrected = await CorrectAsync(first, sourceId, 0, "said otherwise");
        string[] mine = [$"source-{sourceId}", $"statement-{first}", $"statement-{second}"];
        await WaitUntilReadableAsync(mine[1], corrected.Position);

        var all = await ReadAllAsync(new() { Filter = Streams(mine) });
        var statements = await ReadAllAsync(new() { Filter = new HistoryFilter { Streams = { mine }, Categories = { "statement" } } });
        var recordedOnly = await ReadAllAsync(new() { Filter = new HistoryFilter { Streams = { mine }, EventTypes = { "StatementRecorded" } } });
        var afterFirstStatement = await ReadAllAsync(new() { Filter = Streams(mine), AfterPosition = all[1].Position });
        var counted = await ReadAllAsync(new() { Filter = Streams(mine), MaxCount = 2 });
        var pastTheHead = await ReadAllAsync(new() { Filter = Streams(mine), AfterPosition = corrected.Position + 1_000_000 });

        Assert.Equal([(mine[0], 0L), (mine[1], 0L), (mine[2], 0L), (mine[1], 1L)], all.Select(e => (e.Stream, e.Revision)));
        Assert.Equal(registered.Position, all[0].Position);
        Assert.Equal(corrected.Position, all[^1].Position);
        Assert.Equal(all.Select(e => e.Position).Order(), all.Select(e => e.Position));
        Assert.Equal(all.Skip(1).Select(e => e.EventId), statements.Select(e => e.EventId));
        Assert.Equal([mine[1], mine[2]], recordedOnly.Select(e => e.Stream));
        Assert.Equal(all.Skip(2).Select(e => e.EventId), afterFirstStatement.Select(e => e.EventId));
        Assert.Equal(all.Take(2).Select(e => e.EventId), counted.Select(e => e.EventId));
        Assert.Empty(pastTheHead);
    }

    [Fact]
    public async Task Given_a_statement_corrected_and_another_retracted_when_their_events_are_read_then_every_field_an_auditor_needs_is_there()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var (sourceId, _) = await RegisterSourceAsync(Recording);
        var candid = Unique("candid");
        var twice = Unique("twice");
        var recordId = RequestId();
        var recorded = await RecordStatementAsync(Recording, candid, sourceId, "We had a candid discussion about human rights.", recordId);
        await RecordStatementAsync(Recording, twice, sourceId);
        var correctId = RequestId();
        await CorrectAsync(candid, sourceId, 0, "said at a press conference", correctId);
        var retractId = RequestId();
        var retracted = (await Recording.RetractEntryAsync(new RetractEntryRequest
        {
            RequestId = retractId,
            TargetStream = $"statement-{twice}",
            TargetRevision = 0,
            Reason = "recorded twice",
        }, Call())).Result;

        var candidEvents = await ReadStreamAsync(new() { Stream = $"statement-{candid}" });
        var twiceEvents = await ReadStreamAsync(new() { Stream = $"statement-{twice}" });

        var statement = candidEvents[0];
        Assert.Equal((recorded.Position, $"statement-{candid}", 0L, "StatementRecorded"), (statement.Position, statement.Stream, statement.Revision, statement.Type));
        Assert.True(Guid.TryParse(statement.EventId, out _), statement.EventId);
        Assert.InRange(statement.RecordedAt.ToDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(("views-e2e", recordId, recordId), (statement.RecordedBy, statement.CorrelationId, statement.CausationId));
        Assert.True(statement.SchemaVersion >= 1, $"schema version {statement.SchemaVersion}");
        Assert.False(string.IsNullOrEmpty(statement.RequestFingerprint), "no request fingerprint");
        using (var data = JsonDocument.Parse(statement.Data))
        {
            Assert.Equal(candid, data.RootElement.GetProperty("statement_id").GetString());
            Assert.Equal("We had a candid discussion about human rights.", data.RootElement.GetProperty("text").GetString());
        }

        Assert.Equal((sourceId, "a candid discussion"), (statement.Source.SourceId, statement.Source.Quote));
        Assert.Null(statement.Amends);

        var correction = candidEvents[1];
        Assert.Equal(("EntryCorrected", correctId, correctId), (correction.Type, correction.CorrelationId, correction.CausationId));
        Assert.Equal(new Amendment { TargetRevision = 0, TargetType = "StatementRecorded", Reason = "said at a press conference", Retracted = false }, correction.Amends);
        Assert.Equal(sourceId, correction.Source.SourceId);

        var retraction = Assert.Single(twiceEvents, e => e.Type == "EntryRetracted");
        Assert.Equal((retracted.Position, 1L, retractId), (retraction.Position, retraction.Revision, retraction.CorrelationId));
        Assert.Equal(new Amendment { TargetRevision = 0, TargetType = "StatementRecorded", Reason = "recorded twice", Retracted = true }, retraction.Amends);
        Assert.NotEqual(candidEvents[0].EventId, candidEvents[1].EventId);
    }

    [Fact]
    public async Task Given_bad_reads_when_sent_then_each_is_refused_naming_the_field_or_the_missing_stream()
    {
        var missing = $"statement-{Unique("never-said")}";

        await InvalidAsync("max_count", () => ReadStreamAsync(new() { Stream = missing, MaxCount = -1 }));
        await InvalidAsync("from_revision", () => ReadStreamAsync(new() { Stream = missing, FromRevision = -3 }));
        await InvalidAsync("stream", () => ReadStreamAsync(new() { Stream = "Not A Stream" }));
        await InvalidAsync("max_count", () => ReadAllAsync(new() { MaxCount = -5 }));
        await InvalidAsync("after_position", () => ReadAllAsync(new() { AfterPosition = -1 }));
        await InvalidAsync("filter.categories", () => ReadAllAsync(new() { Filter = new HistoryFilter { Categories = { "Statement" } } }));
        await InvalidAsync("filter.event_types", () => ReadAllAsync(new() { Filter = new HistoryFilter { EventTypes = { "statement recorded" } } }));
        await InvalidAsync("filter.streams", () => ReadAllAsync(new() { Filter = new HistoryFilter { Streams = { "statement" } } }));
        var both = await GrpcRefusals.RefusedAsync(StatusCode.InvalidArgument, () => ReadAllAsync(new() { AfterPosition = -1, MaxCount = -1 }));
        Assert.Equal(["after_position", "max_count"], both.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));

        var status = await GrpcRefusals.RefusedAsync(StatusCode.NotFound, () => ReadStreamAsync(new() { Stream = missing }));
        Assert.Contains(missing, status.Message, StringComparison.Ordinal);
        Assert.Equal(missing, status.GetDetail<Google.Rpc.ResourceInfo>().ResourceName);
    }

    private static Task<Google.Rpc.BadRequest.Types.FieldViolation> InvalidAsync(string field, Func<Task> call) => GrpcRefusals.InvalidAsync(field, call);

    private async Task<WriteResult> CorrectAsync(string statementId, string sourceId, long targetRevision, string text, string? requestId = null) =>
        (await Recording.CorrectEntryAsync(new CorrectEntryRequest
        {
            RequestId = requestId ?? RequestId(),
            TargetStream = $"statement-{statementId}",
            TargetRevision = targetRevision,
            ReplacementType = "StatementRecorded",
            Replacement = new Struct
            {
                Fields =
                {
                    ["statement_id"] = Value.ForString(statementId),
                    ["speaker"] = Value.ForString("Michael Posner"),
                    ["side"] = Value.ForString("us"),
                    ["setting"] = Value.ForString("press-conference"),
                    ["said"] = Value.ForString("2010-05-14"),
                    ["text"] = Value.ForString(text),
                    ["exact"] = Value.ForBool(true),
                    ["speaker_title"] = Value.ForNull(),
                    ["place"] = Value.ForNull(),
                    ["topics"] = Value.ForList(),
                    ["stance"] = Value.ForNull(),
                    ["round_id"] = Value.ForNull(),
                    ["source"] = Value.ForStruct(new Struct { Fields = { ["source_id"] = Value.ForString(sourceId), ["quote"] = Value.ForString("candid"), ["locator"] = Value.ForNull() } }),
                },
            },
            Reason = text,
            Source = new Citation { SourceId = sourceId, Quote = "candid" },
        }, Call())).Result;
}
