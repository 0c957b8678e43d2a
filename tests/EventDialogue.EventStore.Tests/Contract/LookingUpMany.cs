using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>Many events by id, and many streams' revisions, in one read, or both in one lookup: what a request or a batch of them looks up first.</summary>
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

    [Fact]
    public async Task Events_and_streams_looked_up_together_answer_as_each_lookup_does_alone()
    {
        await Store.AppendToStreamAsync(Stream("case-liu"), ExpectedRevision.NoStream, Events.Some(1));
        var statement = Events.One() with { Metadata = Events.Metadata with { RequestFingerprint = "sha256:4567" } };
        await Store.AppendToStreamAsync(Stream("statement-posner-briefing"), ExpectedRevision.NoStream, [statement]);
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.NoStream, Events.Some(3));
        var liu = (await ReadStream(Stream("case-liu")))[0];
        var ids = new[] { statement.EventId, Guid.NewGuid(), liu.EventId, statement.EventId };
        StreamName[] streams = [Stream("case-liu-xiaobo"), Stream("case-nobody"), Stream("statement-posner-briefing"), Stream("case-liu-xiaobo")];

        var found = await Store.LookUpAsync(ids, streams);

        Assert.Equal([liu.EventId, statement.EventId], found.Events.Select(e => e.EventId));
        Assert.Equal(liu, found.Events[0]);
        Assert.Equal(statement.Metadata, found.Events[1].Metadata);
        Assert.Equal(await Store.ReadEventsAsync(ids), found.Events);
        Assert.Equal(
            new Dictionary<StreamName, long> { [Stream("case-liu-xiaobo")] = 2, [Stream("statement-posner-briefing")] = 0 },
            found.Revisions);
        Assert.Equal(found.Revisions, await Store.GetStreamRevisionsAsync(streams));
    }

    [Fact]
    public async Task A_lookup_of_only_ids_only_streams_or_nothing_answers_the_other_part_empty()
    {
        await Store.AppendToStreamAsync(Stream("case-liu"), ExpectedRevision.NoStream, Events.Some(2));
        var liu = await ReadStream(Stream("case-liu"));

        var byId = await Store.LookUpAsync([liu[1].EventId], []);
        var byStream = await Store.LookUpAsync([], [Stream("case-liu")]);
        var nothing = await Store.LookUpAsync([], []);

        Assert.Equal((liu[1], 0), (Assert.Single(byId.Events), byId.Revisions.Count));
        Assert.Equal((0, 1L), (byStream.Events.Count, byStream.Revisions[Stream("case-liu")]));
        Assert.Equal((0, 0), (nothing.Events.Count, nothing.Revisions.Count));
    }

    [Fact]
    public async Task A_lookup_of_more_ids_and_streams_than_one_statement_takes_finds_them_all()
    {
        var events = Events.Some(600);
        var streams = Enumerable.Range(0, 600).Select(i => Stream($"statement-s{i}")).ToList();
        await Store.AppendToStreamsAsync([.. streams.Select((stream, i) => new StreamAppend(stream, ExpectedRevision.NoStream, [events[i]]))]);

        var found = await Store.LookUpAsync([.. events.Select(e => e.EventId).Reverse()], [.. streams, Stream("statement-none")]);
        var manyIdsFewStreams = await Store.LookUpAsync([.. events.Select(e => e.EventId)], [streams[599], Stream("statement-none")]);
        var fewIdsManyStreams = await Store.LookUpAsync([events[599].EventId, Guid.NewGuid()], streams);

        Assert.Equal(events.Select(e => e.EventId), found.Events.Select(e => e.EventId));
        Assert.Equal(600, found.Revisions.Count);
        Assert.All(streams, stream => Assert.Equal(0, found.Revisions[stream]));
        Assert.Equal((600, streams[599]), (manyIdsFewStreams.Events.Count, Assert.Single(manyIdsFewStreams.Revisions).Key));
        Assert.Equal((events[599].EventId, 600), (Assert.Single(fewIdsManyStreams.Events).EventId, fewIdsManyStreams.Revisions.Count));
    }
}
