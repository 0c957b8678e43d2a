using EventDialogue.EventStore.Restore;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    /// <summary>Larger than a restore's batch, so that checks across batches are exercised too.</summary>
    private const int LogLongerThanABatch = RestoreRun.BatchSize + 40;

    private IEventStoreRestore Restorer => Assert.IsAssignableFrom<IEventStoreRestore>(Store);

    public static TheoryData<string, int, string> BadEvents() => new()
    {
        { "position-repeated", 7, "position" },
        { "position-zero", 0, "position" },
        { "revision-gap", 12, "revision" },
        { "new-stream-not-at-0", 12, "revision" },
        { "id-taken-in-an-earlier-batch", LogLongerThanABatch - 3, "event_id" },
        { "id-empty", 12, "event_id" },
        { "type-invalid", 12, "type" },
        { "data-not-json", 12, "data" },
        { "data-not-an-object", 12, "data" },
        { "recorded-by-blank", 12, "recorded_by" },
        { "correlation-id-missing", 12, "correlation_id" },
    };

    [Fact]
    public async Task Restoring_a_log_into_an_empty_store_reproduces_every_event_exactly()
    {
        var log = RestoredLog.Of(LogLongerThanABatch);

        var result = await Restorer.RestoreAsync(log.ToAsyncEnumerable());

        Assert.Equal(new RestoreResult(log.Count, log[^1].Position), result);
        Assert.Equal(log, await ReadAll());
        Assert.Equal(log[^1].Position, await Store.ReadHeadPositionAsync());
        var stream = log[4].Stream;
        Assert.Equal(log.Where(e => e.Stream == stream), await ReadStream(stream));
        Assert.Equal(log[4], await Store.ReadEventAsync(log[4].EventId));
    }

    [Fact]
    public async Task Restoring_into_a_store_that_holds_events_is_refused_naming_its_head_and_changes_nothing()
    {
        var appended = await Store.AppendToStreamAsync(Stream("case-liu-xia"), ExpectedRevision.NoStream, Events.Some(2));
        var before = await ReadAll();

        var refused = await Assert.ThrowsAsync<StoreNotEmptyException>(() => Restorer.RestoreAsync(RestoredLog.Of(5).ToAsyncEnumerable()));

        Assert.Equal(appended.Position, refused.Head);
        Assert.Contains($"position {appended.Position}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await ReadAll());
    }

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task Restoring_a_log_with_a_bad_event_is_refused_naming_its_position_and_field_and_stores_nothing(string fault, int index, string field)
    {
        var log = RestoredLog.Of(LogLongerThanABatch);
        var bad = log[index];
        log[index] = fault switch
        {
            "position-repeated" => bad with { Position = log[index - 1].Position },
            "position-zero" => bad with { Position = Position.Start },
            "revision-gap" => bad with { Revision = bad.Revision + 1 },
            "new-stream-not-at-0" => bad with { Stream = Stream("commitment-legal-experts"), Revision = 1 },
            "id-taken-in-an-earlier-batch" => bad with { EventId = log[1].EventId },
            "id-empty" => bad with { EventId = Guid.Empty },
            "type-invalid" => bad with { Type = "Case Raised!" },
            "data-not-json" => bad with { Data = "{\"text\": " },
            "data-not-an-object" => bad with { Data = "[1, 2]" },
            "recorded-by-blank" => bad with { Metadata = bad.Metadata with { RecordedBy = "  " } },
            "correlation-id-missing" => bad with { Metadata = bad.Metadata with { CorrelationId = string.Empty } },
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "no such fault"),
        };

        var refused = await Assert.ThrowsAsync<InvalidStoreRequestException>(() => Restorer.RestoreAsync(log.ToAsyncEnumerable()));

        Assert.Equal($"events[position {log[index].Position}].{field}", refused.Field);
        Assert.Empty(await ReadAll());
        Assert.Equal(Position.Start, await Store.ReadHeadPositionAsync());
    }

    [Fact]
    public async Task A_store_whose_restore_was_refused_can_still_be_restored()
    {
        var bad = RestoredLog.Of(10);
        bad[9] = bad[9] with { Type = string.Empty };
        await Assert.ThrowsAsync<InvalidStoreRequestException>(() => Restorer.RestoreAsync(bad.ToAsyncEnumerable()));

        var log = RestoredLog.Of(10);
        await Restorer.RestoreAsync(log.ToAsyncEnumerable());

        Assert.Equal(log, await ReadAll());
    }

    [Fact]
    public async Task After_a_restore_appends_continue_after_the_restored_head_and_the_restored_revisions()
    {
        var log = RestoredLog.Of(30);
        await Restorer.RestoreAsync(log.ToAsyncEnumerable());
        var lastOfStream = log.Last(e => e.Stream == log[0].Stream);

        var toRestored = await Store.AppendToStreamAsync(log[0].Stream, ExpectedRevision.Exact(lastOfStream.Revision), Events.Some(2));
        var toNew = await Store.AppendToStreamAsync(Stream("case-new-after-restore"), ExpectedRevision.NoStream, Events.Some(1));

        Assert.Equal(lastOfStream.Revision + 2, toRestored.NextExpectedRevision);
        Assert.True(toRestored.Position > log[^1].Position, $"appended at {toRestored.Position}, not after the restored head {log[^1].Position}");
        Assert.True(toNew.Position > toRestored.Position);
        var all = await ReadAll();
        Assert.Equal(log, all.Take(log.Count));
        Assert.Equal(33, all.Count);
    }

    [Fact]
    public async Task A_subscriber_to_all_waiting_on_an_empty_store_receives_every_restored_event_in_order()
    {
        using var bound = Bound();
        await using var subscription = Store.SubscribeToAllAsync(Position.Start, AllFilter.None, bound.Token).GetAsyncEnumerator(bound.Token);
        var waiting = subscription.MoveNextAsync().AsTask();
        var log = RestoredLog.Of(LogLongerThanABatch);

        await Restorer.RestoreAsync(log.ToAsyncEnumerable());

        Assert.True(await waiting);
        var seen = new List<RecordedEvent> { subscription.Current };
        seen.AddRange(await TakeAsync(subscription, log.Count - 1));
        Assert.Equal(log, seen);
    }

    [Fact]
    public async Task A_restore_cancelled_midway_stores_nothing()
    {
        using var cancel = new CancellationTokenSource();
        var log = RestoredLog.Of(LogLongerThanABatch);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Restorer.RestoreAsync(CancelAfter(log, RestoreRun.BatchSize + 10, cancel), cancel.Token));

        Assert.Empty(await ReadAll());
    }

    private static async IAsyncEnumerable<RecordedEvent> CancelAfter(List<RecordedEvent> log, int count, CancellationTokenSource cancel)
    {
        foreach (var e in log.Take(count))
        {
            yield return e;
        }

        await cancel.CancelAsync();
        cancel.Token.ThrowIfCancellationRequested();
    }
}
