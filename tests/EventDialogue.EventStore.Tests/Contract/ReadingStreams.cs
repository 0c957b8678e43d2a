using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Reading_a_stream_forwards_from_a_revision_returns_at_most_the_count_asked_in_revision_order()
    {
        var stream = Stream("round-2010-washington");
        var events = Events.Some(10);
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);

        var read = await ReadStream(stream, Direction.Forwards, StreamRevision.At(3), maxCount: 4);

        Assert.Equal([3L, 4L, 5L, 6L], read.Select(e => e.Revision));
        Assert.Equal(events[3..7].Select(e => e.EventId), read.Select(e => e.EventId));
    }

    [Fact]
    public async Task Reading_a_stream_backwards_from_the_end_or_a_revision_returns_newest_first()
    {
        var stream = Stream("round-2010-washington");
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, Events.Some(6));

        Assert.Equal([5L, 4L, 3L], (await ReadStream(stream, Direction.Backwards, StreamRevision.End, 3)).Select(e => e.Revision));
        Assert.Equal([2L, 1L, 0L], (await ReadStream(stream, Direction.Backwards, StreamRevision.At(2))).Select(e => e.Revision));
    }

    [Fact]
    public async Task Reading_a_stream_past_its_end_returns_nothing_but_does_not_say_the_stream_is_missing()
    {
        var stream = Stream("round-2010-washington");
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, Events.Some(2));

        Assert.Empty(await ReadStream(stream, Direction.Forwards, StreamRevision.At(5)));
    }

    [Fact]
    public async Task Reading_a_stream_that_does_not_exist_says_so()
    {
        var missing = await Assert.ThrowsAsync<StreamNotFoundException>(() => ReadStream(Stream("case-nobody")));

        Assert.Equal("case-nobody", missing.Stream.Value);
        Assert.Null(await Store.GetStreamRevisionAsync(Stream("case-nobody")));
    }

    [Fact]
    public async Task Reading_a_stream_returns_only_that_stream_even_when_names_share_a_prefix()
    {
        await Store.AppendToStreamAsync(Stream("case-liu"), ExpectedRevision.Any, Events.Some(1));
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.Any, Events.Some(2));

        Assert.Single(await ReadStream(Stream("case-liu")));
        Assert.Equal(1, await Store.GetStreamRevisionAsync(Stream("case-liu-xiaobo")));
    }

    [Fact]
    public async Task An_event_is_found_by_its_id_with_where_it_was_stored_and_its_metadata_and_an_unknown_id_finds_nothing()
    {
        var stream = Stream("statement-posner-briefing");
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.NoStream, Events.Some(2));
        var fingerprinted = Events.One() with { Metadata = Events.Metadata with { RequestFingerprint = "sha256:0123" } };
        var appended = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, [Events.One(), fingerprinted]);

        var found = await Store.ReadEventAsync(fingerprinted.EventId);

        Assert.NotNull(found);
        Assert.Equal((stream, 1L, appended.Position), (found.Stream, found.Revision, found.Position));
        Assert.Equal(fingerprinted.Metadata, found.Metadata);
        Assert.Null(await Store.ReadEventAsync(Guid.NewGuid()));
    }
}
