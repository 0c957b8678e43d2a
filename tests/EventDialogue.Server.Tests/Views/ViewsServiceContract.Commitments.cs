using System.Globalization;
using EventDialogue.Api.V1;

namespace EventDialogue.Server.Tests.Views;

public abstract partial class ViewsServiceContract
{
    [Fact]
    public async Task A_commitment_due_in_the_next_few_months_is_pending_in_June_overdue_in_October_and_kept_five_days_late_when_fulfilled_on_5_October()
    {
        var given = await GivenWashington2010Async();
        async Task<Commitment> At(string asOf, long minPosition = 0) =>
            (await Views.GetCommitmentAsync(new GetCommitmentRequest { CommitmentId = given.LegalExperts, AsOf = asOf, MinPosition = minPosition }, Call())).Commitment;

        var beforeMade = await At("2010-05-01", given.LastPosition);
        var june = await At("2010-06-01");
        var october = await At("2010-10-01");
        var fulfilled = (await Recording.FulfilCommitmentAsync(new FulfilCommitmentRequest
        {
            RequestId = RequestId(),
            CommitmentId = given.LegalExperts,
            On = "2010-10-05",
            Evidence = "the legal experts dialogue met",
            Source = Cite(given.BriefingId),
        }, Call())).Result;
        var threeDaysLate = await At("2010-10-03", fulfilled.Position);
        var newYear = await At("2011-01-01");

        Assert.Equal(("not-yet-made", "2010-05-01"), (beforeMade.Status, beforeMade.StatusAsOf));
        Assert.Equal(("pending", "2010-06-01", "2010-05-14/2010-09", 0), (june.Status, june.StatusAsOf, june.DueInForce, june.DaysLate));
        Assert.Equal(("overdue", 1), (october.Status, october.DaysLate));
        Assert.Null(october.Fulfilled);
        Assert.Equal(("overdue", 3), (threeDaysLate.Status, threeDaysLate.DaysLate));
        Assert.Equal(("kept-late", 5, "2011-01-01"), (newYear.Status, newYear.DaysLate, newYear.StatusAsOf));
        Assert.Equal(("2010-10-05", "the legal experts dialogue met"), (newYear.Fulfilled.On, newYear.Fulfilled.Evidence));
        Assert.Equal(["us", "cn"], newYear.MadeBy);
        Assert.Equal(("2010-05-14", "2010-05-14/2010-09", given.RoundId), (newYear.MadeOn, newYear.Due, newYear.RoundId));
        Assert.Equal("we get the legal dialogue underway, we do it in the next few months", newYear.Words);
    }

    [Fact]
    public async Task The_commitment_tracker_filters_by_the_status_derived_as_of_the_day_asked_and_leaves_out_what_was_not_yet_promised()
    {
        var given = await GivenWashington2010Async();
        var keptInBeijing = (await Recording.FulfilCommitmentAsync(new FulfilCommitmentRequest
        {
            RequestId = RequestId(),
            CommitmentId = given.NextRoundInChina,
            On = "2011-04",
            Evidence = "the 16th round met in Beijing",
            EvidenceStream = $"round-{given.NextRoundId}",
            Source = Cite(given.CnnStoryId, "Talks between China and the United States about human rights issues, including missing Chinese activists, ended Thursday"),
        }, Call())).Result;
        async Task<string[]> Ids(string status, string asOf, string madeBy = "") =>
            [.. (await Views.ListCommitmentsAsync(
                new ListCommitmentsRequest { RoundId = given.RoundId, Status = status, AsOf = asOf, MadeBy = madeBy, MinPosition = keptInBeijing.Position },
                Call())).Commitments.Select(c => c.CommitmentId)];
        string[] both = [.. new[] { given.LegalExperts, given.NextRoundInChina }.Order(StringComparer.Ordinal)];

        Assert.Empty(await Ids(string.Empty, "2010-05-13"));
        Assert.Equal(both, await Ids(string.Empty, "2010-05-14"));
        Assert.Equal(both, await Ids("pending", "2010-06-01"));
        Assert.Equal([given.LegalExperts], await Ids("overdue", "2010-10-01"));
        Assert.Equal([given.NextRoundInChina], await Ids("pending", "2010-10-01"));
        Assert.Equal([given.NextRoundInChina], await Ids("kept", "2012-01-01", madeBy: "cn"));
        Assert.Empty(await Ids("kept-late", "2012-01-01"));
        Assert.Empty(await Ids("overdue", "2012-01-01", madeBy: "uk"));
        var listed = (await Views.ListCommitmentsAsync(new ListCommitmentsRequest { RoundId = given.RoundId, AsOf = "2012-01-01" }, Call())).Commitments;
        Assert.Equal(["overdue", "kept"], listed.OrderBy(c => c.CommitmentId == given.LegalExperts ? 0 : 1).Select(c => c.Status));
        Assert.All(listed, c => Assert.Equal("2012-01-01", c.StatusAsOf));
        Assert.Equal($"round-{given.NextRoundId}", listed.Single(c => c.CommitmentId == given.NextRoundInChina).Fulfilled.EvidenceStream);
    }

    [Fact]
    public async Task Without_as_of_a_commitment_status_is_derived_for_the_server_s_current_date()
    {
        var given = await GivenWashington2010Async();
        var before = DateOnly.FromDateTime(DateTime.UtcNow);

        var commitment = (await Views.GetCommitmentAsync(new GetCommitmentRequest { CommitmentId = given.LegalExperts, MinPosition = given.LastPosition }, Call())).Commitment;
        var listed = (await Views.ListCommitmentsAsync(new ListCommitmentsRequest { RoundId = given.RoundId }, Call())).Commitments;

        var after = DateOnly.FromDateTime(DateTime.UtcNow);
        var asOf = DateOnly.ParseExact(commitment.StatusAsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.InRange(asOf, before, after);
        Assert.Equal("overdue", commitment.Status);
        // Overdue by at least the days to the end of the reviewed record (July 2012), at most to today.
        Assert.Equal((new DateOnly(2012, 7, 31).DayNumber - new DateOnly(2010, 9, 30).DayNumber, asOf.DayNumber - new DateOnly(2010, 9, 30).DayNumber), (commitment.Late.Least, commitment.Late.Most));
        Assert.Equal(commitment.Late.Least, commitment.DaysLate);
        Assert.All(listed, c => Assert.Equal(("overdue", commitment.StatusAsOf), (c.Status, c.StatusAsOf)));
        Assert.Equal(2, listed.Count);
    }
}
