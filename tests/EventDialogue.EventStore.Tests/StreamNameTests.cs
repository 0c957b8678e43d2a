namespace EventDialogue.EventStore.Tests;

public class StreamNameTests
{
    [Theory]
    [InlineData("round-2010-washington", "round", "2010-washington")]
    [InlineData("case-liu-xiaobo", "case", "liu-xiaobo")]
    [InlineData("commitment-legal-experts-dialogue", "commitment", "legal-experts-dialogue")]
    [InlineData("source-state.gov_2010.05.14", "source", "state.gov_2010.05.14")]
    [InlineData("case-liu-xiaobo~confidential", "case", "liu-xiaobo~confidential")]
    public void A_stream_name_is_a_category_and_an_id(string name, string category, string id)
    {
        var stream = StreamName.Parse(name);

        Assert.Equal(category, stream.Category);
        Assert.Equal(id, stream.Id);
        Assert.Equal(name, stream.ToString());
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("round", "not a stream name")]
    [InlineData("round-", "not a stream name")]
    [InlineData("-2010", "not a stream name")]
    [InlineData("Round-2010", "not a stream name")]
    [InlineData("round-2010 washington", "not a stream name")]
    [InlineData("$all", "not a stream name")]
    [InlineData("case-刘晓波", "not a stream name")]
    [InlineData("case-liu-xiaobo~", "not a stream name")]
    [InlineData("case-liu-xiaobo~Confidential", "not a stream name")]
    [InlineData("case-~confidential", "not a stream name")]
    [InlineData("case-liu~confidential-xiaobo", "not a stream name")]
    public void A_malformed_stream_name_is_rejected_saying_why(string? name, string reason)
    {
        var rejected = Assert.Throws<InvalidStoreRequestException>(() => StreamName.Parse(name));

        Assert.Equal("stream", rejected.Field);
        Assert.Contains(reason, rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_over_long_stream_name_is_rejected_with_the_limit()
    {
        var rejected = Assert.Throws<InvalidStoreRequestException>(() => StreamName.Parse("case-" + new string('a', StreamName.MaxLength)));

        Assert.Contains($"at most {StreamName.MaxLength}", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_rejects_what_is_not_a_category_or_an_event_type()
    {
        Assert.Equal("filter.categories", Assert.Throws<InvalidStoreRequestException>(() => AllFilter.ByCategory("Case")).Field);
        Assert.Equal("filter.event_types", Assert.Throws<InvalidStoreRequestException>(() => AllFilter.ByEventType("case raised")).Field);
        Assert.Equal("filter.categories", Assert.Throws<InvalidStoreRequestException>(() => AllFilter.ByCategory()).Field);
    }
}
