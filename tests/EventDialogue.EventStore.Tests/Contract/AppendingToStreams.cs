using EventDialogue.EventStore.Integrity;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>
/// An append to several streams at once (what a batch of recording requests makes): one transaction, all or nothing,
/// each part judged as a lone append after the parts before it, positions contiguous, the tree grown as by single
/// appends, followers told.
/// </summary>
public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Given_parts_for_three_streams_one_of_them_twice_then_each_part_gets_its_result_and_the_events_follow_each_other_in_the_parts_order()
    {
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.NoStream, Events.Some(2));
        var parts = new List<StreamAppend>
        {
            new(Stream("round-2010-washington"), ExpectedRevision.Exact(1), Events.Some(1)),
            new(Stream("statement-s1"), ExpectedRevision.NoStream, Events.Some(2)),
            new(Stream("round-2010-washington"), ExpectedRevision.Exact(2), Events.Some(3)),
        };

        var results = await Store.AppendToStreamsAsync(parts);

        var log = await ReadAll();
        Assert.Equal(8, log.Count);
        var written = log.Skip(2).ToList();
        Assert.Equal(parts.SelectMany(p => p.Events).Select(e => e.EventId), written.Select(e => e.EventId));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => written[0].Position.Value + i), written.Select(e => e.Position.Value));
        Assert.Equal([new(Stream("round-2010-washington"), 2, written[0].Position), new(Stream("statement-s1"), 1, written[2].Position), new AppendResult(Stream("round-2010-washington"), 5, written[5].Position)], results);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (long)i), (await ReadStream(Stream("round-2010-washington"))).Select(e => e.Revision));
    }

    [Fact]
    public async Task Given_a_wrong_expected_revision_in_the_third_part_then_nothing_of_the_call_is_written()
    {
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.NoStream, Events.Some(1));
        var headBefore = await Store.ReadHeadPositionAsync();

        var refused = await Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendToStreamsAsync(
        [
            new(Stream("statement-s1"), ExpectedRevision.NoStream, Events.Some(1)),
            new(Stream("case-gao-zhisheng"), ExpectedRevision.NoStream, Events.Some(2)),
            new(Stream("case-liu-xiaobo"), ExpectedRevision.Exact(5), Events.Some(1)),
        ]));

        Assert.Equal(Stream("case-liu-xiaobo"), refused.Stream);
        Assert.Equal(0, refused.ActualRevision);
        Assert.Single(await ReadAll());
        Assert.Equal(headBefore, await Store.ReadHeadPositionAsync());
        Assert.Null(await Store.GetStreamRevisionAsync(Stream("statement-s1")));
        Assert.Equal(1, (await Assert.IsAssignableFrom<ILogTree>(Store).ReadTreeHeadAsync()).Size);
    }

    [Fact]
    public async Task Given_a_written_call_when_it_is_sent_again_then_each_part_gets_its_first_result_and_nothing_is_written()
    {
        List<StreamAppend> parts =
        [
            new(Stream("statement-s1"), ExpectedRevision.NoStream, Events.Some(1)),
            new(Stream("statement-s2"), ExpectedRevision.NoStream, Events.Some(2)),
        ];
        var first = await Store.AppendToStreamsAsync(parts);
        await Store.AppendToStreamAsync(Stream("statement-s2"), ExpectedRevision.Exact(1), Events.Some(1));

        var retry = await Store.AppendToStreamsAsync(parts);

        Assert.Equal(first, retry);
        Assert.Equal(4, (await ReadAll()).Count);
    }

    [Fact]
    public async Task Given_a_part_that_reuses_a_stored_event_id_for_other_data_then_the_call_is_refused_and_writes_nothing()
    {
        var stored = Events.Some(1);
        await Store.AppendToStreamAsync(Stream("statement-s1"), ExpectedRevision.NoStream, stored);

        await Assert.ThrowsAsync<DuplicateEventIdException>(() => Store.AppendToStreamsAsync(
        [
            new(Stream("statement-s2"), ExpectedRevision.NoStream, Events.Some(1)),
            new(Stream("statement-s1"), ExpectedRevision.Any, [stored[0] with { Data = """{"other":1}""" }]),
        ]));

        Assert.Single(await ReadAll());
    }

    [Fact]
    public async Task An_event_id_in_two_parts_of_one_call_is_refused_naming_the_second_part_and_writes_nothing()
    {
        var shared = Events.One();

        var refused = await Assert.ThrowsAsync<InvalidStoreRequestException>(() => Store.AppendToStreamsAsync(
        [
            new(Stream("statement-s1"), ExpectedRevision.NoStream, [shared]),
            new(Stream("statement-s2"), ExpectedRevision.NoStream, [Events.One(), shared]),
        ]));

        Assert.Equal("appends[1].events", refused.Field);
        Assert.Contains("appends[0]", refused.Reason, StringComparison.Ordinal);
        Assert.Empty(await ReadAll());
    }

    [Fact]
    public async Task No_parts_and_a_malformed_part_are_refused_naming_them()
    {
        Assert.Equal("appends", (await Assert.ThrowsAsync<InvalidStoreRequestException>(() => Store.AppendToStreamsAsync([]))).Field);
        var empty = await Assert.ThrowsAsync<InvalidStoreRequestException>(() => Store.AppendToStreamsAsync(
            [new(Stream("statement-s1"), ExpectedRevision.NoStream, Events.Some(1)), new(Stream("statement-s2"), ExpectedRevision.NoStream, [])]));
        Assert.Equal("appends[1].events", empty.Field);
        Assert.Empty(await ReadAll());
    }

    [Fact]
    public async Task Given_calls_between_single_appends_then_the_stored_tree_is_the_tree_of_the_events_one_by_one_and_a_follower_gets_them_all()
    {
        using var bound = Bound();
        await using var follower = Store.SubscribeToAllAsync(Position.Start, AllFilter.None, bound.Token).GetAsyncEnumerator(bound.Token);
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.NoStream, Events.Some(3));
        await Store.AppendToStreamsAsync([new(Stream("case-liu-xiaobo"), ExpectedRevision.Exact(2), Events.Some(2)), new(Stream("statement-s1"), ExpectedRevision.NoStream, Events.Some(4))]);
        await Store.AppendToStreamAsync(Stream("statement-s2"), ExpectedRevision.NoStream, Events.Some(1));
        await Store.AppendToStreamsAsync([new(Stream("statement-s3"), ExpectedRevision.NoStream, Events.Some(1)), new(Stream("statement-s2"), ExpectedRevision.Exact(0), Events.Some(2))]);

        var (head, log) = await ReadTreeAndLogAsync();

        Assert.Equal(13, head.Size);
        // the root that appending these events one by one gives (the tree of the log read back; see LogTree)
        Assert.Equal(Convert.ToHexStringLower(RecomputedRoot(log)), Convert.ToHexStringLower(head.RootHash));
        for (var i = 0; i < log.Count; i++)
        {
            Assert.Equal(i, await Tree.ReadLeafIndexAsync(log[i].Position));
        }

        Assert.Equal(log.Select(e => e.EventId), (await TakeAsync(follower, 13)).Select(e => e.EventId));
    }
}
