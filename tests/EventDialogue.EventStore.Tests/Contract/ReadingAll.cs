using System.Text;
using System.Text.Json;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Reading_all_returns_every_stream_in_position_order_after_the_position_given()
    {
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Any, Events.Some(2));
        var middle = await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.Any, Events.Some(2));
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Any, Events.Some(2));

        var all = await ReadAll();
        var after = await ReadAll(middle.Position);

        Assert.Equal(6, all.Count);
        Assert.Equal(all.Select(e => e.Position).Order(), all.Select(e => e.Position));
        Assert.Equal(6, all.Select(e => e.Position).Distinct().Count());
        Assert.Equal(all.Skip(4), after);
        Assert.Equal(all.Take(3), await ReadAll(maxCount: 3));
    }

    [Fact]
    public async Task Reading_all_filtered_by_category_returns_only_those_streams()
    {
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.Any, Events.Some(2));
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.Any, Events.Some(3));
        await Store.AppendToStreamAsync(Stream("commitment-legal-experts"), ExpectedRevision.Any, Events.Some(1));

        var cases = await ReadAll(filter: AllFilter.ByCategory("case"));
        var casesAndCommitments = await ReadAll(filter: AllFilter.ByCategory("case", "commitment"));

        Assert.Equal(3, cases.Count);
        Assert.All(cases, e => Assert.Equal("case", e.Stream.Category));
        Assert.Equal(4, casesAndCommitments.Count);
    }

    [Fact]
    public async Task Reading_all_filtered_by_event_type_returns_only_those_types_in_order()
    {
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.Any, [Events.One("CaseRaised"), Events.One("CaseStatusReported")]);
        await Store.AppendToStreamAsync(Stream("case-liu-xia"), ExpectedRevision.Any, [Events.One("CaseRaised"), Events.One("CaseRaised")]);

        var raised = await ReadAll(filter: AllFilter.ByEventType("CaseRaised"));

        Assert.Equal(3, raised.Count);
        Assert.All(raised, e => Assert.Equal("CaseRaised", e.Type));
        Assert.Equal(raised.Select(e => e.Position).Order(), raised.Select(e => e.Position));
    }

    [Fact]
    public async Task Reading_an_empty_store_returns_nothing_and_its_head_is_the_start()
    {
        Assert.Empty(await ReadAll());
        Assert.Equal(Position.Start, await Store.ReadHeadPositionAsync());
    }

    [Fact]
    public async Task Unicode_text_in_data_and_metadata_comes_back_exactly()
    {
        var data = JsonSerializer.Serialize(new
        {
            name = "刘晓波",
            pinyin = "Liú Xiǎobō",
            arabic = "حقوق الإنسان",
            emoji = "🕊️",
            escapes = "quote \" backslash \\ newline \n tab \t",
        });
        var metadata = new EventMetadata("书记员 Zhāng", "关联-1", "因果-2", 1);
        var sent = new EventData(Guid.NewGuid(), "CaseRaised", data, metadata);

        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.NoStream, [sent]);

        var stored = Assert.Single(await ReadStream(Stream("case-liu-xiaobo")));
        Assert.Equal(data, stored.Data);
        Assert.Equal(metadata, stored.Metadata);
    }

    [Fact]
    public async Task A_large_payload_just_under_the_limit_comes_back_byte_for_byte()
    {
        const string phrase = "人权对话 human rights dialogue; ";
        var repeats = (StoreLimits.MaxEventDataBytes - 64) / Encoding.UTF8.GetByteCount(phrase);
        var data = $"{{\"text\":\"{string.Concat(Enumerable.Repeat(phrase, repeats))}\"}}";
        Assert.InRange(Encoding.UTF8.GetByteCount(data), StoreLimits.MaxEventDataBytes - 128, StoreLimits.MaxEventDataBytes);

        await Store.AppendToStreamAsync(Stream("source-big"), ExpectedRevision.NoStream, [Events.WithData(data)]);

        Assert.Equal(data, Assert.Single(await ReadAll()).Data);
    }

    [Fact]
    public async Task Many_streams_each_keep_their_own_revisions_and_all_holds_every_event_once()
    {
        const int streams = 200;
        const int perStream = 5;
        for (var round = 0; round < perStream; round++)
        {
            for (var s = 0; s < streams; s++)
            {
                await Store.AppendToStreamAsync(Stream($"case-{s}"), round == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(round - 1), Events.Some(1));
            }
        }

        var all = await ReadAll();
        Assert.Equal(streams * perStream, all.Count);
        Assert.Equal(streams * perStream, all.Select(e => e.EventId).Distinct().Count());
        foreach (var s in new[] { 0, 57, 199 })
        {
            Assert.Equal([0L, 1L, 2L, 3L, 4L], (await ReadStream(Stream($"case-{s}"))).Select(e => e.Revision));
        }
    }
}
