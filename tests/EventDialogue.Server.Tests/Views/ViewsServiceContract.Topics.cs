using EventDialogue.Api.V1;

namespace EventDialogue.Server.Tests.Views;

public abstract partial class ViewsServiceContract
{
    [Fact]
    public async Task A_topic_shows_each_round_where_it_came_up_with_its_sessions_visits_and_statements()
    {
        var given = await GivenWashington2010Async();
        var newTopic = Unique("legal-experts-dialogue-dates");
        var written = (await Recording.RecordStatementAsync(new RecordStatementRequest
        {
            RequestId = RequestId(),
            StatementId = Unique("posner-legal-experts-in-june"),
            Speaker = Posner,
            Side = "us",
            Setting = "press-conference",
            Said = "2011-04-28",
            Place = "Beijing",
            Text = "a dialogue between Chinese and American legal experts, which was first proposed during Hu and Obama's January meetings, will take place in June.",
            Exact = false,
            Topics = { newTopic, "rule of law" },
            RoundId = given.NextRoundId,
            Source = Cite(given.CnnStoryId),
        }, Call())).Result;

        var ruleOfLaw = (await Views.GetTopicAsync(new GetTopicRequest { Topic = "rule of law", MinPosition = written.Position }, Call())).Topic;
        var fresh = (await Views.GetTopicAsync(new GetTopicRequest { Topic = newTopic }, Call())).Topic;

        Assert.Equal("rule of law", ruleOfLaw.Topic_);
        var inWashington = ruleOfLaw.Rounds.Single(r => r.RoundId == given.RoundId);
        Assert.Equal((1, 2, 2), (inWashington.Sessions, inWashington.SiteVisits, inWashington.Statements));
        var inBeijing = ruleOfLaw.Rounds.Single(r => r.RoundId == given.NextRoundId);
        Assert.Equal((0, 0, 1), (inBeijing.Sessions, inBeijing.SiteVisits, inBeijing.Statements));
        Assert.True(ruleOfLaw.Statements >= 3 && ruleOfLaw.Sessions >= 1, $"{ruleOfLaw.Statements} statements, {ruleOfLaw.Sessions} sessions");
        Assert.Equal(ruleOfLaw.Rounds.Select(r => r.RoundId).Order(StringComparer.Ordinal), ruleOfLaw.Rounds.Select(r => r.RoundId));
        Assert.Equal((newTopic, 0, 1), (fresh.Topic_, fresh.Sessions, fresh.Statements));
        Assert.Equal([(given.NextRoundId, 1)], fresh.Rounds.Select(r => (r.RoundId, r.Statements)));
    }

    [Fact]
    public async Task Paging_through_topics_returns_every_topic_once_in_byte_order()
    {
        var given = await GivenWashington2010Async();
        await Views.ListTopicsAsync(new ListTopicsRequest { MinPosition = given.LastPosition }, Call());

        var (topics, sizes) = await AllPagesAsync(async token =>
        {
            var page = await Views.ListTopicsAsync(new ListTopicsRequest { PageSize = 4, PageToken = token }, Call());
            return ((IReadOnlyList<Topic>)page.Topics, page.NextPageToken);
        });
        var single = (await Views.ListTopicsAsync(new ListTopicsRequest { PageSize = 100 }, Call())).Topics;

        var names = topics.Select(t => t.Topic_).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(sizes.SkipLast(1), size => Assert.Equal(4, size));
        Assert.True(sizes.Count >= 3 && sizes[^1] > 0, $"pages of {string.Join(", ", sizes)}");
        Assert.True(single.Count < 100, "more topics than one page of 100 holds: this test assumes fewer");
        Assert.Equal(single.Select(t => t.Topic_), names);
        Assert.Superset(new HashSet<string>(["rule of law", "individual cases", "judicial sovereignty", "food safety"]), names.ToHashSet());
    }
}
