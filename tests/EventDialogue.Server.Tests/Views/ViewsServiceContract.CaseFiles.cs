using EventDialogue.Api.V1;

namespace EventDialogue.Server.Tests.Views;

public abstract partial class ViewsServiceContract
{
    [Fact]
    public async Task A_case_file_shows_its_names_its_status_timeline_in_date_order_its_current_status_every_raising_and_the_answers()
    {
        var given = await GivenWashington2010Async();

        var file = (await Views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = given.LiuXiaobo, MinPosition = given.LastPosition }, Call())).CaseFile;

        Assert.Equal(given.LiuXiaobo, file.CaseId);
        Assert.Equal("person", file.Kind);
        Assert.Equal([("Liu Xiaobo", "Latn"), ("刘晓波", "Hans")], file.Names.Select(n => (n.Text, n.Script)));
        Assert.Equal("author-dissident", file.Description);
        Assert.Equal([("sentenced", "2009-12-25"), ("imprisoned", "2010-05-13")], file.StatusTimeline.Select(r => (r.Status, r.AsOf)));
        Assert.Equal("11 years", file.StatusTimeline[0].Term);
        Assert.Equal(string.Empty, file.StatusTimeline[1].Term);
        Assert.Equal(("imprisoned", "2010-05-13", "confirmed", "unofficial"), (file.CurrentStatus.Status, file.CurrentStatus.AsOf, file.CurrentStatus.Certainty, file.CurrentStatus.SourceType));
        Assert.Equal(given.ApStoryId, file.CurrentStatus.Source.SourceId);
        var raised = Assert.Single(file.Raised);
        Assert.Equal(("us", "round", given.RoundId, true, "2010-05-13/2010-05-14"), (raised.RaisedBy, raised.Channel, raised.RoundId, raised.Publicly, raised.Date));
        var answer = Assert.Single(file.Responses);
        Assert.Equal(("cn", "denial", "2010-05-13", "matters of judicial sovereignty"), (answer.From, answer.Response, answer.Date, answer.Detail));
        Assert.Equal(new[] { given.ApStoryId, given.BriefingId }.Order(StringComparer.Ordinal), file.Sources.Select(s => s.SourceId).Distinct().Order(StringComparer.Ordinal));
        Assert.Null(file.Match);
    }

    [Fact]
    public async Task A_case_file_read_again_once_the_view_has_moved_shows_what_was_reported_since_even_to_a_read_that_asks_for_no_position()
    {
        var given = await GivenWashington2010Async();
        for (var i = 0; i < 2; i++)
        {
            var before = (await Views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = given.LiuXiaobo, MinPosition = given.LastPosition }, Call())).CaseFile;
            Assert.Equal(2, before.StatusTimeline.Count);
        }

        var reported = await Recording.ReportCaseStatusAsync(new ReportCaseStatusRequest
        {
            RequestId = RequestId(),
            CaseId = given.LiuXiaobo,
            Status = "imprisoned",
            AsOf = "2010-06-01",
            Charge = "subversion",
            Certainty = "confirmed",
            SourceType = "unofficial",
            Source = Cite(given.ApStoryId, "an author-dissident serving an 11-year prison sentence on subversion charges"),
        }, Call());

        // the case files view is waited for through another read, so that this one asks for no position
        await Views.ListCaseFilesAsync(new ListCaseFilesRequest { RoundId = given.RoundId, MinPosition = reported.Result.Position }, Call());
        var after = (await Views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = given.LiuXiaobo }, Call())).CaseFile;

        Assert.Equal(["2009-12-25", "2010-05-13", "2010-06-01"], after.StatusTimeline.Select(r => r.AsOf));
    }

    [Fact]
    public async Task Case_files_are_filtered_by_round_current_status_and_raising_side_and_found_by_a_name_with_the_match_highlighted()
    {
        var given = await GivenWashington2010Async();

        var inRound = await Views.ListCaseFilesAsync(new ListCaseFilesRequest { RoundId = given.RoundId, MinPosition = given.LastPosition }, Call());
        var disappeared = await Views.ListCaseFilesAsync(new ListCaseFilesRequest { RoundId = given.RoundId, Status = "disappeared" }, Call());
        var raisedByChina = await Views.ListCaseFilesAsync(new ListCaseFilesRequest { RoundId = given.RoundId, RaisedBy = "cn" }, Call());
        var byName = await Views.ListCaseFilesAsync(new ListCaseFilesRequest { RoundId = given.RoundId, Query = "Xiaobo" }, Call());
        var byDescription = await Views.ListCaseFilesAsync(new ListCaseFilesRequest { RoundId = given.RoundId, Query = "lawyer" }, Call());

        Assert.Equal([given.GaoZhisheng, given.LiuXiaobo], inRound.CaseFiles.Select(c => c.CaseId));
        Assert.All(inRound.CaseFiles, c => Assert.Null(c.Match));
        Assert.Equal([given.GaoZhisheng], disappeared.CaseFiles.Select(c => c.CaseId));
        Assert.Empty(raisedByChina.CaseFiles);
        var found = Assert.Single(byName.CaseFiles);
        Assert.Equal(given.LiuXiaobo, found.CaseId);
        Assert.True(found.Match.Rank > 0, $"rank {found.Match.Rank}");
        Assert.Contains("[Xiaobo]", found.Match.HighlightedText, StringComparison.Ordinal);
        Assert.Equal([given.GaoZhisheng], byDescription.CaseFiles.Select(c => c.CaseId));
    }
}
