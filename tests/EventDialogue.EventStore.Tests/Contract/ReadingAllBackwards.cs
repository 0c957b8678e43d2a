using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Reading_all_backwards_returns_the_events_before_the_position_given_newest_first()
    {
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Any, Events.Some(2));
        var middle = await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.Any, Events.Some(2));
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Any, Events.Some(2));
        var forwards = await ReadAll();

        var fromEnd = await ReadAllBackwards();
        var beforeMiddle = await ReadAllBackwards(middle.Position);
        var newestTwo = await ReadAllBackwards(maxCount: 2);

        Assert.Equal(forwards.AsEnumerable().Reverse(), fromEnd);
        Assert.Equal(forwards.Take(3).Reverse(), beforeMiddle);
        Assert.Equal(forwards.TakeLast(2).Reverse(), newestTwo);
        Assert.Empty(await ReadAllBackwards(forwards[0].Position));
    }

    [Fact]
    public async Task Reading_all_backwards_filtered_returns_only_matching_events_newest_first_across_many_chunks()
    {
        // more events than one chunk of the backends' reads, the wanted ones spread thinly through them
        var events = Enumerable.Range(0, 700).Select(i => Events.One(i % 7 == 0 ? "CaseRaised" : "CaseStatusReported")).ToArray();
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.NoStream, events);
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.NoStream, Events.Some(3, "CaseRaised"));
        var raisedForwards = await ReadAll(filter: AllFilter.ByEventType("CaseRaised"));

        var raised = await ReadAllBackwards(filter: AllFilter.ByEventType("CaseRaised"));
        var newestRaised = await ReadAllBackwards(filter: AllFilter.ByEventType("CaseRaised"), maxCount: 90);
        var rounds = await ReadAllBackwards(filter: AllFilter.ByCategory("round"));

        Assert.Equal(103, raised.Count);
        Assert.Equal(raisedForwards.AsEnumerable().Reverse(), raised);
        Assert.Equal(raised.Take(90), newestRaised);
        Assert.Equal(3, rounds.Count);
        Assert.All(rounds, e => Assert.Equal("round-2010-washington", e.Stream.Value));
    }

    [Fact]
    public async Task Reading_an_empty_store_backwards_returns_nothing()
    {
        Assert.Empty(await ReadAllBackwards());
    }

    /// <summary>
    /// While writers commit concurrently, what a backwards read shows must be a stretch of $all with no hole that a
    /// forwards reader could still see filled: reading forwards from just before its oldest event gives the same
    /// events, in the opposite order, with nothing between them.
    /// </summary>
    [Fact]
    public async Task Given_concurrent_writers_when_reading_all_backwards_then_the_events_shown_are_a_stretch_a_forwards_reader_sees_whole()
    {
        using var bound = Bound(120);
        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                await Store.AppendToStreamAsync(Stream($"case-w{writer}-{i % 3}"), ExpectedRevision.Any, Events.Some(1 + (i % 2)), bound.Token);
            }
        })).ToArray();

        var checks = 0;
        while (!writers.All(w => w.IsCompleted) || checks == 0)
        {
            var newest = await Store.ReadAllBackwardsAsync(Position.End, AllFilter.None, 8, bound.Token).ToListAsync(bound.Token);
            if (newest.Count == 0)
            {
                continue;
            }

            var forwards = await Store.ReadAllAsync(new Position(newest[^1].Position.Value - 1), AllFilter.None, newest.Count, bound.Token).ToListAsync(bound.Token);
            Assert.Equal(newest.AsEnumerable().Reverse().Select(e => e.EventId), forwards.Select(e => e.EventId));
            checks++;
        }

        await Task.WhenAll(writers);
        Assert.True(checks > 0);
    }

    protected async Task<List<RecordedEvent>> ReadAllBackwards(Position? before = null, AllFilter? filter = null, int maxCount = int.MaxValue) =>
        await Store.ReadAllBackwardsAsync(before ?? Position.End, filter ?? AllFilter.None, maxCount).ToListAsync();
}
