using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task A_subscription_catches_up_then_goes_live_with_no_gap_and_no_duplicate()
    {
        var stream = Stream("round-2010-washington");
        var before = Events.Some(40);
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, before);
        using var bound = Bound();
        await using var subscription = Store.SubscribeToAllAsync(Position.Start, AllFilter.None, bound.Token).GetAsyncEnumerator(bound.Token);

        var caughtUp = await TakeAsync(subscription, 20);
        var during = Events.Some(30);
        foreach (var e in during)
        {
            await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [e]);
        }

        var rest = await TakeAsync(subscription, 50);
        var seen = caughtUp.Concat(rest).ToList();
        Assert.Equal(before.Concat(during).Select(e => e.EventId), seen.Select(e => e.EventId));
        Assert.Equal(seen.Select(e => e.Position).Order(), seen.Select(e => e.Position));
    }

    [Fact]
    public async Task A_live_subscription_receives_an_append_made_after_it_has_caught_up()
    {
        using var bound = Bound();
        await using var subscription = Store.SubscribeToAllAsync(Position.Start, AllFilter.None, bound.Token).GetAsyncEnumerator(bound.Token);
        var waiting = subscription.MoveNextAsync().AsTask();

        var appended = Events.One("CaseRaised");
        await Store.AppendToStreamAsync(Stream("case-liu-xia"), ExpectedRevision.NoStream, [appended]);

        Assert.True(await waiting);
        Assert.Equal(appended.EventId, subscription.Current.EventId);
    }

    [Fact]
    public async Task A_subscription_from_a_checkpoint_starts_after_it()
    {
        var first = await Store.AppendToStreamAsync(Stream("case-a"), ExpectedRevision.Any, Events.Some(3));
        var later = Events.Some(2);
        await Store.AppendToStreamAsync(Stream("case-b"), ExpectedRevision.Any, later);
        using var bound = Bound();
        await using var subscription = Store.SubscribeToAllAsync(first.Position, AllFilter.None, bound.Token).GetAsyncEnumerator(bound.Token);

        var seen = await TakeAsync(subscription, 2);

        Assert.Equal(later.Select(e => e.EventId), seen.Select(e => e.EventId));
    }

    [Fact]
    public async Task A_filtered_subscription_delivers_only_matching_events()
    {
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Any, Events.Some(3));
        var cases = Events.Some(2);
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.Any, cases);
        using var bound = Bound();
        await using var subscription = Store.SubscribeToAllAsync(Position.Start, AllFilter.ByCategory("case"), bound.Token).GetAsyncEnumerator(bound.Token);

        var first = await TakeAsync(subscription, 2);
        var next = subscription.MoveNextAsync().AsTask();
        await Store.AppendToStreamAsync(Stream("round-2011-beijing"), ExpectedRevision.Any, Events.Some(1));
        var live = Events.One();
        await Store.AppendToStreamAsync(Stream("case-liu-xia"), ExpectedRevision.Any, [live]);

        Assert.Equal(cases.Select(e => e.EventId), first.Select(e => e.EventId));
        Assert.True(await next);
        Assert.Equal(live.EventId, subscription.Current.EventId);
    }

    [Fact]
    public async Task Given_a_checkpoint_when_the_process_restarts_then_the_subscription_resumes_from_it_without_gap_or_duplicate()
    {
        var events = Events.Some(30);
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.NoStream, events);
        Position checkpoint;
        using (var bound = Bound())
        {
            await using var subscription = Store.SubscribeToAllAsync(Position.Start, AllFilter.None, bound.Token).GetAsyncEnumerator(bound.Token);
            checkpoint = (await TakeAsync(subscription, 12)).Last().Position;
        }

        await RestartAsync();
        var more = Events.Some(5);
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Exact(29), more);
        using var resumeBound = Bound();
        await using var resumed = Store.SubscribeToAllAsync(checkpoint, AllFilter.None, resumeBound.Token).GetAsyncEnumerator(resumeBound.Token);

        var rest = await TakeAsync(resumed, 23);

        Assert.Equal(events.Skip(12).Concat(more).Select(e => e.EventId), rest.Select(e => e.EventId));
    }
}
