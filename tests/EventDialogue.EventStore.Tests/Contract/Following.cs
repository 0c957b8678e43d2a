using EventDialogue.EventStore.Subscriptions;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task A_follower_whose_filter_matches_nothing_still_learns_how_far_it_has_read()
    {
        var rounds = await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Any, Events.Some(5, "RoundHeld"));
        using var bound = Bound();
        await using var follower = Store.FollowAllAsync(Position.Start, AllFilter.ByCategory("case"), bound.Token).GetAsyncEnumerator(bound.Token);

        var first = Assert.IsType<LogRead>(await NextStepAsync(follower));
        Assert.Equal(new LogRead(Position.Start, rounds.Position, rounds.Position), first);
        Assert.True(first.CaughtUp);

        var more = await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Any, Events.Some(2, "RoundHeld"));
        var live = await NextReadToAsync(follower, more.Position);
        Assert.Equal(rounds.Position, live.From);
        Assert.True(live.CaughtUp);

        var raised = Events.One("CaseRaised");
        var raisedAt = await Store.AppendToStreamAsync(Stream("case-liu-xia"), ExpectedRevision.Any, [raised]);
        FollowStep step;
        do
        {
            step = await NextStepAsync(follower);
        }
        while (step is LogRead { ReadTo.Value: var to } && to < raisedAt.Position.Value);

        Assert.Equal(raised.EventId, Assert.IsType<EventMatched>(step).Event.EventId);
        Assert.Equal(raisedAt.Position, Assert.IsType<LogRead>(await NextStepAsync(follower)).ReadTo);
    }

    [Fact]
    public async Task A_follower_catching_up_reads_in_pages_says_how_far_behind_it_is_then_that_it_caught_up()
    {
        var appended = await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.Any, Events.Some(700));
        using var bound = Bound();
        await using var follower = Store.FollowAllAsync(Position.Start, AllFilter.None, bound.Token).GetAsyncEnumerator(bound.Token);

        var matched = new List<RecordedEvent>();
        var reads = new List<LogRead>();
        while (reads.Count == 0 || !reads[^1].CaughtUp)
        {
            switch (await NextStepAsync(follower))
            {
                case EventMatched m:
                    matched.Add(m.Event);
                    break;
                case LogRead r:
                    reads.Add(r);
                    break;
            }
        }

        Assert.Equal(Enumerable.Range(0, 700).Select(i => (long)i), matched.Select(e => e.Revision));
        Assert.True(reads.Count >= 2, "700 events are more than one page");
        Assert.False(reads[0].CaughtUp);
        Assert.Equal(appended.Position.Value - Position.Start.Value, reads[0].Lag);
        Assert.Equal(matched[499].Position, reads[0].ReadTo);
        Assert.Equal(appended.Position, reads[^1].ReadTo);
        Assert.All(reads.Zip(reads.Skip(1)), pair => Assert.Equal(pair.First.ReadTo, pair.Second.From));
    }

    private static async Task<FollowStep> NextStepAsync(IAsyncEnumerator<FollowStep> follower)
    {
        Assert.True(await follower.MoveNextAsync(), "the follower ended");
        return follower.Current;
    }

    /// <summary>The first read that reaches the position: reads before it may still have stopped short of it.</summary>
    private static async Task<LogRead> NextReadToAsync(IAsyncEnumerator<FollowStep> follower, Position position)
    {
        while (true)
        {
            if (await NextStepAsync(follower) is LogRead read && read.ReadTo >= position)
            {
                return read;
            }
        }
    }
}
