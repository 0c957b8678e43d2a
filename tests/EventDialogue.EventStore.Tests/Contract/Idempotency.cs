using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Given_an_acknowledged_append_when_the_same_events_are_sent_again_then_the_first_result_comes_back_and_nothing_is_written()
    {
        var stream = Stream("case-liu-xiaobo");
        var events = Events.Some(3);
        var first = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);

        var retry = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);

        Assert.Equal(first, retry);
        Assert.Equal(3, (await ReadAll()).Count);
    }

    [Theory]
    [InlineData("any")]
    [InlineData("stream-exists")]
    [InlineData("exact-7")]
    [InlineData("exact-0")]
    public async Task A_retry_succeeds_whatever_expected_revision_it_carries(string expectation)
    {
        var stream = Stream("case-liu-xiaobo");
        var events = Events.Some(2);
        var first = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);
        var expected = expectation switch
        {
            "any" => ExpectedRevision.Any,
            "stream-exists" => ExpectedRevision.StreamExists,
            _ => ExpectedRevision.Exact(long.Parse(expectation["exact-".Length..], System.Globalization.CultureInfo.InvariantCulture)),
        };

        Assert.Equal(first, await Store.AppendToStreamAsync(stream, expected, events));
        Assert.Equal(2, (await ReadAll()).Count);
    }

    [Fact]
    public async Task Given_later_appends_when_an_earlier_batch_is_retried_then_its_own_result_comes_back()
    {
        var stream = Stream("round-2010-washington");
        var early = Events.Some(2);
        var first = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, early);
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(1), Events.Some(5));

        var retry = await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(6), early);

        Assert.Equal(first, retry);
        Assert.Equal(7, (await ReadStream(stream)).Count);
    }

    [Fact]
    public async Task Given_a_restart_when_an_acknowledged_append_is_retried_then_nothing_is_written()
    {
        var stream = Stream("commitment-next-round-in-china");
        var events = Events.Some(2);
        var first = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);

        await RestartAsync();
        var retry = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);

        Assert.Equal(first, retry);
        Assert.Equal(2, (await ReadAll()).Count);
    }

    [Fact]
    public async Task Given_an_event_id_in_one_stream_when_it_is_appended_to_another_stream_then_it_is_rejected()
    {
        var events = Events.Some(1);
        await Store.AppendToStreamAsync(Stream("case-a"), ExpectedRevision.Any, events);

        var duplicate = await Assert.ThrowsAsync<DuplicateEventIdException>(
            () => Store.AppendToStreamAsync(Stream("case-b"), ExpectedRevision.Any, events));

        Assert.Contains("case-a", duplicate.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetStreamRevisionAsync(Stream("case-b")));
    }

    [Fact]
    public async Task Given_an_append_when_a_batch_repeats_only_part_of_it_then_it_is_rejected_and_nothing_is_written()
    {
        var stream = Stream("case-a");
        var events = Events.Some(3);
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);

        await Assert.ThrowsAsync<DuplicateEventIdException>(
            () => Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [events[0], events[1], Events.One()]));
        await Assert.ThrowsAsync<DuplicateEventIdException>(
            () => Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [events[1], events[0]]));

        Assert.Equal(3, (await ReadAll()).Count);
    }

    [Fact]
    public async Task Given_an_append_when_the_same_id_comes_with_different_data_then_it_is_rejected_as_not_a_retry()
    {
        var stream = Stream("case-a");
        var original = Events.One(data: new { status = "detained" });
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, [original]);

        var duplicate = await Assert.ThrowsAsync<DuplicateEventIdException>(
            () => Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [original with { Data = """{"status":"released"}""" }]));

        Assert.Contains("different", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal(original.Data, Assert.Single(await ReadAll()).Data);
    }

    [Fact]
    public async Task Given_concurrent_retries_of_one_batch_when_they_race_then_it_is_written_once_and_all_get_the_same_result()
    {
        var stream = Stream("round-2012-washington");
        var events = Events.Some(3);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.AppendToStreamAsync(stream, ExpectedRevision.Any, events)));

        Assert.Single(results.Distinct());
        Assert.Equal(3, (await ReadAll()).Count);
    }
}
