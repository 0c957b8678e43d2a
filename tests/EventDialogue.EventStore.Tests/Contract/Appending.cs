using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Given_no_stream_when_appending_with_no_stream_expected_then_revisions_start_at_zero()
    {
        var result = await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.NoStream, Events.Some(3));

        Assert.Equal(2, result.NextExpectedRevision);
        Assert.Equal([0L, 1L, 2L], (await ReadStream(result.Stream)).Select(e => e.Revision));
        Assert.Equal(result.Position, (await ReadStream(result.Stream)).Last().Position);
    }

    [Fact]
    public async Task Given_a_stream_when_appending_at_its_exact_revision_then_revisions_continue()
    {
        var stream = Stream("round-2010-washington");
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, Events.Some(2));

        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(1), Events.Some(2));

        Assert.Equal(3, result.NextExpectedRevision);
        Assert.Equal([0L, 1L, 2L, 3L], (await ReadStream(stream)).Select(e => e.Revision));
    }

    [Fact]
    public async Task Given_a_stream_when_appending_with_no_stream_expected_then_it_fails_with_the_current_revision_and_writes_nothing()
    {
        var stream = Stream("case-liu-xia");
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, Events.Some(2));
        var head = await Store.ReadHeadPositionAsync();

        var conflict = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, Events.Some(1)));

        Assert.Equal(1, conflict.ActualRevision);
        Assert.Equal(stream, conflict.Stream);
        Assert.Equal(head, await Store.ReadHeadPositionAsync());
        Assert.Equal(2, (await ReadStream(stream)).Count);
    }

    [Fact]
    public async Task Given_a_stream_when_appending_at_a_stale_revision_then_it_fails_with_the_current_revision_and_writes_nothing()
    {
        var stream = Stream("commitment-legal-experts-dialogue");
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, Events.Some(3));

        var conflict = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(1), Events.Some(2)));

        Assert.Equal(2, conflict.ActualRevision);
        Assert.Equal(ExpectedRevision.Exact(1), conflict.Expected);
        Assert.Equal(3, (await ReadStream(stream)).Count);
    }

    [Fact]
    public async Task Given_no_stream_when_appending_with_stream_exists_expected_then_it_fails_saying_there_is_no_stream()
    {
        var conflict = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => Store.AppendToStreamAsync(Stream("case-chen-guangcheng"), ExpectedRevision.StreamExists, Events.Some(1)));

        Assert.Null(conflict.ActualRevision);
        Assert.Empty(await ReadAll());
    }

    [Fact]
    public async Task Given_a_stream_when_appending_with_stream_exists_or_any_expected_then_it_appends()
    {
        var stream = Stream("case-ai-weiwei");
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, Events.Some(1));
        await Store.AppendToStreamAsync(stream, ExpectedRevision.StreamExists, Events.Some(1));
        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, Events.Some(1));

        Assert.Equal(2, result.NextExpectedRevision);
    }

    [Fact]
    public async Task Given_concurrent_writers_expecting_the_same_revision_when_they_append_then_exactly_one_wins()
    {
        var stream = Stream("round-2011-beijing");
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, Events.Some(1));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(0), Events.Some(2));
                return (long?)null;
            }
            catch (WrongExpectedRevisionException conflict)
            {
                return conflict.ActualRevision;
            }
        }));

        Assert.Single(attempts, a => a is null);
        Assert.All(attempts.Where(a => a is not null), actual => Assert.Equal(2, actual));
        Assert.Equal([0L, 1L, 2L], (await ReadStream(stream)).Select(e => e.Revision));
    }

    [Fact]
    public async Task Every_stored_event_carries_its_id_type_stream_revision_position_recorded_at_data_and_metadata()
    {
        Clock.Now = new DateTimeOffset(2010, 5, 14, 9, 30, 15, 123, TimeSpan.Zero).AddTicks(4567);
        var metadata = new EventMetadata("recording-desk@state.gov", "import-2010", "cmd-42", 2);
        var sent = new EventData(Guid.NewGuid(), "StatementMade", """{"speaker":"Michael Posner","quote":"We raised the case."}""", metadata);

        var result = await Store.AppendToStreamAsync(Stream("statement-posner-2010-05-14"), ExpectedRevision.NoStream, [sent]);

        var stored = Assert.Single(await ReadAll());
        Assert.Equal(sent.EventId, stored.EventId);
        Assert.Equal("StatementMade", stored.Type);
        Assert.Equal("statement-posner-2010-05-14", stored.Stream.Value);
        Assert.Equal("statement", stored.Stream.Category);
        Assert.Equal(0, stored.Revision);
        Assert.Equal(result.Position, stored.Position);
        Assert.Equal(UnixMicroseconds.Truncate(Clock.Now), stored.RecordedAt);
        Assert.Equal(sent.Data, stored.Data);
        Assert.Equal(metadata, stored.Metadata);
    }

    [Fact]
    public async Task Given_a_batch_with_an_id_already_used_in_another_stream_when_appending_then_no_event_of_the_batch_is_written()
    {
        var taken = Events.One();
        await Store.AppendToStreamAsync(Stream("case-gao-zhisheng"), ExpectedRevision.NoStream, [taken]);
        var batch = new[] { Events.One(), Events.One(), taken };

        var duplicate = await Assert.ThrowsAsync<DuplicateEventIdException>(
            () => Store.AppendToStreamAsync(Stream("case-other"), ExpectedRevision.NoStream, batch));

        Assert.Equal(taken.EventId, duplicate.EventId);
        Assert.Null(await Store.GetStreamRevisionAsync(Stream("case-other")));
        Assert.Single(await ReadAll());
    }

    [Fact]
    public async Task Positions_grow_across_streams_in_the_order_appends_were_acknowledged()
    {
        var first = await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Any, Events.Some(2));
        var second = await Store.AppendToStreamAsync(Stream("round-2011-beijing"), ExpectedRevision.Any, Events.Some(2));
        var third = await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Any, Events.Some(1));

        Assert.True(first.Position < second.Position);
        Assert.True(second.Position < third.Position);
        Assert.Equal(third.Position, await Store.ReadHeadPositionAsync());
    }
}
