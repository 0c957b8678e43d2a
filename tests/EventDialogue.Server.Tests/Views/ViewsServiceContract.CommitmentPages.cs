using EventDialogue.Api.V1;

namespace EventDialogue.Server.Tests.Views;

public abstract partial class ViewsServiceContract
{
    [Fact]
    public async Task A_page_of_commitments_leaves_out_progress_reports_and_sources_unless_asked_for_the_full_view_which_holds_them_as_GetCommitment_does()
    {
        var given = await GivenWashington2010Async();
        var reported = (await Recording.ReportCommitmentProgressAsync(new ReportCommitmentProgressRequest
        {
            RequestId = RequestId(),
            CommitmentId = given.LegalExperts,
            On = "2010-08-01",
            Detail = "the sides agreed the legal experts' agenda",
            Source = Cite(given.BriefingId),
        }, Call())).Result;
        async Task<Commitment> Listed(CommitmentListView view) =>
            (await Views.ListCommitmentsAsync(new ListCommitmentsRequest { RoundId = given.RoundId, AsOf = "2010-10-01", View = view, MinPosition = reported.Position }, Call()))
                .Commitments.Single(c => c.CommitmentId == given.LegalExperts);

        var byDefault = await Listed(CommitmentListView.Unspecified);
        var basic = await Listed(CommitmentListView.Basic);
        var full = await Listed(CommitmentListView.Full);
        var got = (await Views.GetCommitmentAsync(new GetCommitmentRequest { CommitmentId = given.LegalExperts, AsOf = "2010-10-01" }, Call())).Commitment;

        Assert.Equal(basic, byDefault);
        Assert.Empty(basic.Progress);
        Assert.Empty(basic.Sources);
        Assert.Equal(("overdue", 1, given.LegalExperts), (basic.Status, basic.DaysLate, basic.CommitmentId));
        Assert.NotEmpty(basic.FactsUsed);
        Assert.Equal(["the sides agreed the legal experts' agenda"], full.Progress.Select(p => p.Detail));
        Assert.NotEmpty(full.Sources);
        Assert.Equal(got, full);
        var fullLessReports = full.Clone();
        fullLessReports.Progress.Clear();
        fullLessReports.Sources.Clear();
        Assert.Equal(fullLessReports, basic);
    }
}
