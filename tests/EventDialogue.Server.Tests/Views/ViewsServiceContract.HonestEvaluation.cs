using EventDialogue.Api.V1;

namespace EventDialogue.Server.Tests.Views;

/// <summary>The commitments view answers no more than the record shows: the edges of issue #13.</summary>
public abstract partial class ViewsServiceContract
{
    private async Task<(Washington2010 Given, WriteResult Last)> FulfilNextRoundAsync(string on)
    {
        var given = await GivenWashington2010Async();
        var fulfilled = (await Recording.FulfilCommitmentAsync(new FulfilCommitmentRequest
        {
            RequestId = RequestId(),
            CommitmentId = given.NextRoundInChina,
            On = on,
            Evidence = "the 16th round met in Beijing",
            Source = Cite(given.CnnStoryId, "Talks between China and the United States about human rights issues, including missing Chinese activists, ended Thursday"),
        }, Call())).Result;
        return (given, fulfilled);
    }

    private async Task<Commitment> CommitmentAsync(string id, string asOf, long minPosition) =>
        (await Views.GetCommitmentAsync(new GetCommitmentRequest { CommitmentId = id, AsOf = asOf, MinPosition = minPosition }, Call())).Commitment;

    [Fact]
    public async Task Given_a_fulfilment_dated_28_April_2011_when_asked_as_of_1_March_2011_then_the_answer_leaves_it_out_and_says_so()
    {
        var (given, last) = await FulfilNextRoundAsync("2011-04-28");

        var march = await CommitmentAsync(given.NextRoundInChina, "2011-03-01", last.Position);

        Assert.Equal("pending", march.Status);
        Assert.DoesNotContain(march.FactsUsed, f => f.Type == "fulfilled");
        var leftOut = Assert.Single(march.FactsLeftOut);
        Assert.Equal(("fulfilled", "2011-04-28"), (leftOut.Fact.Type, leftOut.Fact.On));
        Assert.Contains("after 2011-03-01", leftOut.Why, StringComparison.Ordinal);
        Assert.Equal(given.CnnStoryId, leftOut.Fact.Source.SourceId);
    }

    [Fact]
    public async Task Given_a_May_2011_window_kept_sometime_in_June_2011_then_it_is_kept_late_by_1_to_30_days_and_only_possibly_known_on_15_June()
    {
        var given = await GivenWashington2010Async();
        var rescheduled = (await Recording.RescheduleCommitmentAsync(new RescheduleCommitmentRequest
        {
            RequestId = RequestId(), CommitmentId = given.NextRoundInChina, Due = "2011-05", DueRule = "next month", On = "2011-04",
            Source = Cite(given.CnnStoryId, "Talks between China and the United States about human rights issues, including missing Chinese activists, ended Thursday"),
        }, Call())).Result;
        var fulfilled = (await Recording.FulfilCommitmentAsync(new FulfilCommitmentRequest
        {
            RequestId = RequestId(), CommitmentId = given.NextRoundInChina, On = "2011-06", Evidence = "met in June",
            Source = Cite(given.CnnStoryId, "Talks between China and the United States about human rights issues, including missing Chinese activists, ended Thursday"),
        }, Call())).Result;

        var july = await CommitmentAsync(given.NextRoundInChina, "2011-07-01", fulfilled.Position);
        var midJune = await CommitmentAsync(given.NextRoundInChina, "2011-06-15", fulfilled.Position);

        Assert.True(rescheduled.Position < fulfilled.Position);
        Assert.Equal(("kept-late", "2011-05", 1, 30, 1), (july.Status, july.DueInForce, july.Late.Least, july.Late.Most, july.DaysLate));
        Assert.Equal("overdue", midJune.Status);
        Assert.Contains(midJune.FactsLeftOut, l => l.Fact.Type == "fulfilled" && l.Why.Contains("possibly after 2011-06-15", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_commitment_reviewed_only_up_to_its_making_when_its_window_has_ended_then_it_is_unknown_not_overdue()
    {
        var given = await GivenWashington2010Async();
        var reviewed = (await Recording.ReviewCommitmentSourcesAsync(new ReviewCommitmentSourcesRequest
        {
            RequestId = RequestId(), CommitmentId = given.LegalExperts, ReviewedUpTo = "2010-05-14", Detail = "Only the briefing speaks of it.", Source = Cite(given.BriefingId),
        }, Call())).Result;

        var october = await CommitmentAsync(given.LegalExperts, "2010-10-01", reviewed.Position);

        Assert.Equal(("unknown", 0), (october.Status, october.DaysLate));
        Assert.Null(october.Late);
        Assert.Equal(("commitment", "2010-05-14"), (october.Coverage.AppliesFrom, october.Coverage.ReviewedUpTo));
        Assert.Contains("no information after", october.Reason, StringComparison.Ordinal);
        var unknown = (await Views.ListCommitmentsAsync(new ListCommitmentsRequest { RoundId = given.RoundId, Status = "unknown", AsOf = "2010-10-01" }, Call())).Commitments;
        Assert.Equal([given.LegalExperts], unknown.Select(c => c.CommitmentId));
    }

    [Fact]
    public async Task Given_a_dialogue_reviewed_up_to_July_2012_then_its_commitments_use_its_horizon_through_their_round()
    {
        var given = await GivenWashington2010Async();

        var october = await CommitmentAsync(given.LegalExperts, "2010-10-01", given.LastPosition);

        Assert.Equal(("overdue", "dialogue", "2012-07", given.DialogueId), (october.Status, october.Coverage.AppliesFrom, october.Coverage.ReviewedUpTo, october.Coverage.DialogueId));
        Assert.Equal("undertaking", october.Kind);
    }

    [Fact]
    public async Task Given_a_commitment_corrected_to_an_intention_then_the_kind_filter_finds_it_among_intentions_only()
    {
        var given = await GivenWashington2010Async();
        var made = await CommitmentAsync(given.LegalExperts, "2010-06-01", given.LastPosition);
        var replacement = Google.Protobuf.WellKnownTypes.Struct.Parser.ParseJson(
            $$"""{"commitment_id":"{{given.LegalExperts}}","made_by":["us","cn"],"words":"{{made.Words}}","action":"{{made.Action}}","made_on":"2010-05-14","due":"2010-05-14/2010-09","due_rule":"{{made.DueRule}}","round_id":"{{given.RoundId}}","source":{"source_id":"{{made.Sources[0].SourceId}}","quote":{{System.Text.Json.JsonSerializer.Serialize(made.Sources[0].Quote)}},"locator":null},"kind":"intention"}""");
        var corrected = (await Recording.CorrectEntryAsync(new CorrectEntryRequest
        {
            RequestId = RequestId(), TargetStream = $"commitment-{given.LegalExperts}", TargetRevision = 0, ReplacementType = "CommitmentMade",
            Replacement = replacement, Reason = "an aim, not a promise",
        }, Call())).Result;
        async Task<string[]> Kind(string kind) =>
            [.. (await Views.ListCommitmentsAsync(new ListCommitmentsRequest { RoundId = given.RoundId, Kind = kind, AsOf = "2010-06-01", MinPosition = corrected.Position }, Call())).Commitments.Select(c => c.CommitmentId)];

        Assert.Equal([given.LegalExperts], await Kind("intention"));
        Assert.Equal([given.NextRoundInChina], await Kind("undertaking"));
        Assert.Equal(2, (await Kind(string.Empty)).Length);
        Assert.Empty(await Kind("request"));
    }

    [Fact]
    public async Task Given_two_ratings_of_a_commitment_then_both_are_shown_beside_the_derived_status_which_they_do_not_change()
    {
        var given = await GivenWashington2010Async();
        async Task<WriteResult> Rate(string rating) => (await Recording.RateCommitmentAsync(new RateCommitmentRequest
        {
            RequestId = RequestId(), CommitmentId = given.LegalExperts, Rating = rating, Rationale = $"{rating}: read the briefing", RatedBy = "analyst-1", RatedOn = "2012-07-25", Source = Cite(given.BriefingId),
        }, Call())).Result;
        await Rate("kept");
        var last = await Rate("not-kept");

        var october = await CommitmentAsync(given.LegalExperts, "2010-10-01", last.Position);

        Assert.Equal("overdue", october.Status);
        Assert.Equal(["kept", "not-kept"], october.Ratings.Select(r => r.Rating));
        Assert.All(october.Ratings, r => Assert.Equal(("analyst-1", "2012-07-25"), (r.RatedBy, r.RatedOn)));
    }
}
