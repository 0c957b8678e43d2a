namespace EventDialogue.EventStore.Tests;

public sealed class AllFilterTests
{
    [Fact]
    public void A_filter_names_the_kind_whose_value_is_malformed()
    {
        Assert.Equal("filter.categories", Assert.Throws<InvalidStoreRequestException>(() => AllFilter.Of(categories: ["case", "Round"])).Field);
        Assert.Equal("filter.event_types", Assert.Throws<InvalidStoreRequestException>(() => AllFilter.Of(categories: ["case"], eventTypes: ["case raised"])).Field);
        Assert.Equal("filter.streams", Assert.Throws<InvalidStoreRequestException>(() => AllFilter.Of(streams: ["liu xiaobo"])).Field);
        Assert.Equal("filter.streams", Assert.Throws<InvalidStoreRequestException>(() => AllFilter.ByStream()).Field);
        Assert.Equal("filter.streams", Assert.Throws<InvalidStoreRequestException>(() => AllFilter.Of(streams: Enumerable.Range(0, AllFilter.MaxValuesPerKind + 1).Select(i => $"case-{i}"))).Field);
        Assert.Same(AllFilter.None, AllFilter.Of(categories: [], eventTypes: null, streams: []));
    }

    [Fact]
    public void A_filter_by_one_kind_keeps_the_other_kinds_open()
    {
        var filter = AllFilter.ByStream("case-liu-xia", "case-liu-xia");

        Assert.Equal(["case-liu-xia"], filter.Streams);
        Assert.Empty(filter.Categories);
        Assert.Empty(filter.EventTypes);
        Assert.False(filter.IsEmpty);
    }
}
