using EventDialogue.Api.V1;

namespace EventDialogue.Server.Tests.Views;

public abstract partial class ViewsServiceContract
{
    // search does not stem, so the forms of the word are asked for with OR
    private const string DiscussionWords = "discussions OR discussion OR discuss OR discussed";

    [Fact]
    public async Task Paging_through_statements_three_at_a_time_returns_each_once_in_the_order_of_a_single_page()
    {
        var given = await GivenWashington2010Async();
        (string Speaker, string Side, string Setting, string Said, string Text)[] more =
        [
            (Posner, "us", "interview", "2010-05-12", "The challenge is to find a way to communicate those differences respectfully but directly"),
            (Posner, "us", "interview", "2010-05-12", "just be isolated to a few days of discussion every other year, every year; it's part of the broader relationship."),
            (Posner, "us", "interview", "2010-05-12", "not just how do we have a couple days of talks. ... We're very much focused on the next steps coming out of it."),
            ("Wang Baodong", "cn", "statement", "2010-05-13", "increase mutual understanding in this important area."),
            ("Wang Baodong", "cn", "statement", "2010-05-13", "No one has been punished just because of his expressions of mind,"),
            (Posner, "us", "briefing", "2010-05-14", "I view this as laying a foundation for me and Director General Chen to continue to have conversations"),
        ];
        var last = given.LastPosition;
        foreach (var said in more)
        {
            last = (await Recording.RecordStatementAsync(new RecordStatementRequest
            {
                RequestId = RequestId(),
                StatementId = Unique("statement"),
                Speaker = said.Speaker,
                Side = said.Side,
                Setting = said.Setting,
                Said = said.Said,
                Text = said.Text,
                Exact = true,
                RoundId = given.RoundId,
                Source = Cite(said.Setting == "briefing" ? given.BriefingId : given.ApStoryId, said.Text),
            }, Call())).Result.Position;
        }

        var single = (await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId, PageSize = 100, MinPosition = last }, Call())).Statements;
        var (paged, sizes) = await AllPagesAsync(async token =>
        {
            var page = await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId, PageSize = 3, PageToken = token }, Call());
            return ((IReadOnlyList<Statement>)page.Statements, page.NextPageToken);
        });
        var searchSingle = (await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId, Query = DiscussionWords, PageSize = 100 }, Call())).Statements;
        var (searchPaged, searchSizes) = await AllPagesAsync(async token =>
        {
            var page = await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId, Query = DiscussionWords, PageSize = 2, PageToken = token }, Call());
            return ((IReadOnlyList<Statement>)page.Statements, page.NextPageToken);
        });
        var byDefault = await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId }, Call());

        Assert.Equal(11, single.Count);
        Assert.Equal([3, 3, 3, 2], sizes);
        Assert.Equal(single.Select(s => s.StatementId), paged.Select(s => s.StatementId));
        Assert.Equal(single.Select(s => (s.Said, s.StatementId)).OrderBy(k => k.Said, StringComparer.Ordinal).ThenBy(k => k.StatementId, StringComparer.Ordinal), single.Select(s => (s.Said, s.StatementId)));
        Assert.True(searchSingle.Count >= 4, $"{searchSingle.Count} statements about discussions");
        Assert.Equal(searchSingle.Select(s => s.StatementId), searchPaged.Select(s => s.StatementId));
        Assert.Equal(searchSingle.Select(s => s.Match.Rank), searchPaged.Select(s => s.Match.Rank));
        Assert.All(searchSizes.SkipLast(1), size => Assert.Equal(2, size));
        Assert.Equal(11, byDefault.Statements.Count);
        Assert.Equal(string.Empty, byDefault.NextPageToken);
    }

    [Fact]
    public async Task Paging_through_the_rounds_of_a_dialogue_and_its_case_files_returns_each_once_in_order()
    {
        var given = await GivenWashington2010Async();
        var last = given.LastPosition;
        var earlier = new Dictionary<string, string> { ["2008"] = Unique("2008-beijing"), ["2002"] = Unique("2002-beijing") };
        foreach (var (year, roundId) in earlier)
        {
            last = (await Recording.HoldRoundAsync(new HoldRoundRequest
            {
                RequestId = RequestId(),
                RoundId = roundId,
                DialogueId = given.DialogueId,
                Dates = year,
                Place = "Beijing",
                Source = Cite(given.BriefingId, "the last one was in 2008. The last one before that was in 2002.", "answer on Tibet"),
            }, Call())).Result.Position;
        }

        var (rounds, roundPages) = await AllPagesAsync(async token =>
        {
            var page = await Views.ListRoundsAsync(new ListRoundsRequest { DialogueId = given.DialogueId, PageSize = 3, PageToken = token, MinPosition = last }, Call());
            return ((IReadOnlyList<Round>)page.Rounds, page.NextPageToken);
        });
        var (cases, casePages) = await AllPagesAsync(async token =>
        {
            var page = await Views.ListCaseFilesAsync(new ListCaseFilesRequest { RoundId = given.RoundId, PageSize = 1, PageToken = token, MinPosition = last }, Call());
            return ((IReadOnlyList<CaseFile>)page.CaseFiles, page.NextPageToken);
        });

        Assert.Equal([earlier["2002"], earlier["2008"], given.RoundId, given.NextRoundId], rounds.Select(r => r.RoundId));
        Assert.Equal([3, 1], roundPages);
        Assert.Equal([given.GaoZhisheng, given.LiuXiaobo], cases.Select(c => c.CaseId));
        Assert.Equal([1, 1], casePages);
    }

    [Fact]
    public async Task Paging_through_commitments_filtered_by_their_derived_status_returns_each_once_in_order()
    {
        var given = await GivenWashington2010Async();
        (string Id, string Words, string Due)[] more =
        [
            (Unique("religious-freedom-expert-discussions"), "we are discussing further expert discussions both on religious freedom issues", "2010-06"),
            (Unique("labor-expert-discussions"), "and on labor", "2010-07"),
            (Unique("legal-dialogue-dates-and-agenda"), "we agreed to set the dates and agenda to restart those discussions soon", "2010-08"),
            (Unique("regular-exchange"), "make this, as I said, a more regular exchange", "2010-12"),
            (Unique("continue-the-discussions"), "we laid a foundation to continue those discussions and we will continue them", "2011"),
        ];
        var last = given.LastPosition;
        foreach (var promise in more)
        {
            last = (await Recording.MakeCommitmentAsync(new MakeCommitmentRequest
            {
                RequestId = RequestId(),
                CommitmentId = promise.Id,
                MadeBy = { "us", "cn" },
                Words = promise.Words,
                Action = promise.Words,
                MadeOn = "2010-05-14",
                Due = promise.Due,
                DueRule = "a window for the test",
                RoundId = given.RoundId,
                Source = Cite(given.BriefingId),
            }, Call())).Result.Position;
        }

        async Task<(List<Commitment> Items, List<int> Sizes)> PagesAsync(string status) => await AllPagesAsync(async token =>
        {
            var page = await Views.ListCommitmentsAsync(
                new ListCommitmentsRequest { RoundId = given.RoundId, Status = status, AsOf = "2010-10-01", PageSize = 3, PageToken = token, MinPosition = last },
                Call());
            return ((IReadOnlyList<Commitment>)page.Commitments, page.NextPageToken);
        });

        var (overdue, overduePages) = await PagesAsync("overdue");
        var (pending, pendingPages) = await PagesAsync("pending");

        string[] expectedOverdue = [given.LegalExperts, more[0].Id, more[1].Id, more[2].Id];
        Assert.Equal(expectedOverdue.Order(StringComparer.Ordinal), overdue.Select(c => c.CommitmentId));
        Assert.Equal([3, 1], overduePages);
        Assert.All(overdue, c => Assert.Equal("overdue", c.Status));
        string[] expectedPending = [given.NextRoundInChina, more[3].Id, more[4].Id];
        Assert.Equal(expectedPending.Order(StringComparer.Ordinal), pending.Select(c => c.CommitmentId));
        Assert.Equal([3], pendingPages);
    }
}
