using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>Many events by id, and many streams' revisions, in one read: what a batch of requests looks up at once.</summary>
public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Events_looked_up_together_by_id_are_found_where_they_were_stored_in_position_order_and_unknown_ids_are_left_out()
    {
        var round = await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.NoStream, Events.Some(3));
        var statement = Events.One() with { Metadata = Events.Metadata with { RequestFingerprint = "sha256:4567" } };
        await Store.AppendToStreamAsync(Stream("statement-posner-briefing"), ExpectedRevision.NoStream, [statement]);
        var roundEvents = await ReadStream(Stream("round-2010-washington"));

        var found = await Store.ReadEventsAsync([statement.EventId, Guid.NewGuid(), roundEvents[1].EventId, statement.EventId]);

        Assert.Equal([roundEvents[1].EventId, statement.EventId], found.Select(e => e.EventId));
        Assert.Equal(roundEvents[1], found[0]);
        Assert.Equal((Stream("statement-posner-briefing"), 0L, round.Position.Value + 1), (found[1].Stream, found[1].Revision, found[1].Position.Value));
        Assert.Equal(statement.Metadata, found[1].Metadata);
        Assert.Empty(await Store.ReadEventsAsync([Guid.NewGuid()]));
        Assert.Empty(await Store.ReadEventsAsync([]));
    }

    [Fact]
    public async Task Events_looked_up_together_are_found_past_the_first_thousand_ids()
    {
        var events = Events.Some(1_200);
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.NoStream, events[..600]);
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Exact(599), events[600..]);

        var found = await Store.ReadEventsAsync([.. events.Select(e => e.EventId).Reverse()]);

        Assert.Equal(events.Select(e => e.EventId), found.Select(e => e.EventId));
    }

    [Fact]
    public async Task Streams_looked_up_together_give_the_last_revision_of_each_that_exists_and_leave_out_those_that_do_not()
    {
        await Store.AppendToStreamAsync(Stream("case-liu"), ExpectedRevision.NoStream, Events.Some(1));
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.NoStream, Events.Some(3));

        var revisions = await Store.GetStreamRevisionsAsync([Stream("case-liu-xiaobo"), Stream("case-nobody"), Stream("case-liu"), Stream("case-liu")]);

        Assert.Equal(2, revisions.Count);
        Assert.Equal(0, revisions[Stream("case-liu")]);
        Assert.Equal(2, revisions[Stream("case-liu-xiaobo")]);
        Assert.Empty(await Store.GetStreamRevisionsAsync([Stream("case-nobody")]));
        Assert.Empty(await Store.GetStreamRevisionsAsync([]));
    }
}
