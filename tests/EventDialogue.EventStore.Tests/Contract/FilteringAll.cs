using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Reading_all_filtered_by_stream_returns_only_those_streams_in_position_order()
    {
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.Any, Events.Some(2));
        await Store.AppendToStreamAsync(Stream("case-liu-xia"), ExpectedRevision.Any, Events.Some(2));
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Any, Events.Some(1));
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.Any, Events.Some(1));

        var one = await ReadAll(filter: AllFilter.ByStream("case-liu-xiaobo"));
        var two = await ReadAll(filter: AllFilter.ByStream("case-liu-xiaobo", "round-2010-washington"));

        Assert.Equal([0L, 1L, 2L], one.Select(e => e.Revision));
        Assert.All(one, e => Assert.Equal("case-liu-xiaobo", e.Stream.Value));
        Assert.Equal(4, two.Count);
        Assert.Equal(two.Select(e => e.Position).Order(), two.Select(e => e.Position));
        Assert.Empty(await ReadAll(filter: AllFilter.ByStream("case-nobody")));
    }

    [Fact]
    public async Task Reading_all_with_several_kinds_of_filter_returns_only_events_that_match_every_kind()
    {
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.Any, [Events.One("CaseRaised"), Events.One("CaseStatusReported")]);
        await Store.AppendToStreamAsync(Stream("case-liu-xia"), ExpectedRevision.Any, [Events.One("CaseRaised"), Events.One("CaseStatusReported")]);
        await Store.AppendToStreamAsync(Stream("statement-clinton"), ExpectedRevision.Any, [Events.One("StatementRecorded"), Events.One("CaseRaised")]);
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Any, [Events.One("RoundHeld")]);

        var raisedInCases = await ReadAll(filter: AllFilter.Of(categories: ["case"], eventTypes: ["CaseRaised"]));
        var reportsOfOneCase = await ReadAll(filter: AllFilter.Of(eventTypes: ["CaseStatusReported", "RoundHeld"], streams: ["case-liu-xia", "round-2010-washington"]));
        var allThree = await ReadAll(filter: AllFilter.Of(categories: ["case", "statement"], eventTypes: ["CaseRaised"], streams: ["case-liu-xia", "statement-clinton"]));
        var disjoint = await ReadAll(filter: AllFilter.Of(categories: ["round"], streams: ["case-liu-xia"]));

        Assert.Equal([("case-liu-xiaobo", 0L), ("case-liu-xia", 0L)], raisedInCases.Select(e => (e.Stream.Value, e.Revision)));
        Assert.Equal([("case-liu-xia", 1L), ("round-2010-washington", 0L)], reportsOfOneCase.Select(e => (e.Stream.Value, e.Revision)));
        Assert.Equal([("case-liu-xia", 0L), ("statement-clinton", 1L)], allThree.Select(e => (e.Stream.Value, e.Revision)));
        Assert.Empty(disjoint);
    }

    [Fact]
    public async Task A_filter_matches_in_memory_exactly_what_the_store_returns_for_it()
    {
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.Any, [Events.One("CaseRaised"), Events.One("CaseStatusReported")]);
        await Store.AppendToStreamAsync(Stream("statement-clinton"), ExpectedRevision.Any, [Events.One("StatementRecorded"), Events.One("CaseRaised")]);
        await Store.AppendToStreamAsync(Stream("case-liu-xia"), ExpectedRevision.Any, [Events.One("CaseRaised")]);
        var all = await ReadAll();
        AllFilter[] filters =
        [
            AllFilter.None,
            AllFilter.ByCategory("case"),
            AllFilter.ByEventType("CaseRaised"),
            AllFilter.ByStream("statement-clinton", "case-liu-xia"),
            AllFilter.Of(categories: ["case"], eventTypes: ["CaseRaised"], streams: ["case-liu-xia"]),
            AllFilter.Of(categories: ["statement"], eventTypes: ["CaseRaised", "StatementRecorded"]),
        ];

        foreach (var filter in filters)
        {
            Assert.Equal(all.Where(filter.Matches).Select(e => e.EventId), (await ReadAll(filter: filter)).Select(e => e.EventId));
        }
    }

    [Fact]
    public async Task A_filtered_read_of_all_after_a_position_and_across_chunks_returns_each_match_once_in_order()
    {
        // More matches than a backend reads per statement, interleaved with events that do not match.
        for (var i = 0; i < 6; i++)
        {
            await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.Any, Events.Some(200));
            await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Any, Events.Some(30, "RoundHeld"));
        }

        var filter = AllFilter.Of(categories: ["case"], streams: ["case-liu-xiaobo"]);
        var matches = await ReadAll(filter: filter);
        var after = await ReadAll(matches[99].Position, filter);
        var counted = await ReadAll(matches[99].Position, filter, maxCount: 1050);

        Assert.Equal(Enumerable.Range(0, 1200).Select(i => (long)i), matches.Select(e => e.Revision));
        Assert.Equal(matches.Skip(100), after);
        Assert.Equal(matches.Skip(100).Take(1050), counted);
    }
}
