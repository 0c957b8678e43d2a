using EventDialogue.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace EventDialogue.Server.Tests.Views;

public abstract partial class ViewsServiceContract
{
    [Fact]
    public async Task A_round_s_page_follows_corrections_and_retractions_of_the_cases_raised_and_commitments_made_in_it()
    {
        var given = await GivenWashington2010Async();
        var before = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId, MinPosition = given.LastPosition }, Call())).Round;

        // Liu Xiaobo's raising corrected to a raising in private at the next round; Gao Zhisheng's and one promise retracted.
        await Recording.CorrectEntryAsync(new CorrectEntryRequest
        {
            RequestId = RequestId(),
            TargetStream = $"case-{given.LiuXiaobo}",
            TargetRevision = 1,
            ReplacementType = "CaseRaised",
            Replacement = new Struct
            {
                Fields =
                {
                    ["raised_by"] = Value.ForString("us"),
                    ["channel"] = Value.ForString("round"),
                    ["round_id"] = Value.ForString(given.NextRoundId),
                    ["publicly"] = Value.ForBool(false),
                    ["date"] = Value.ForString("2011"),
                    ["source"] = Value.ForStruct(new Struct { Fields = { ["source_id"] = Value.ForString(given.BriefingId) } }),
                },
            },
            Reason = "raised in private, at the next round",
            Source = Cite(given.BriefingId),
        }, Call());
        await Recording.RetractEntryAsync(new RetractEntryRequest
        {
            RequestId = RequestId(),
            TargetStream = $"case-{given.GaoZhisheng}",
            TargetRevision = 1,
            Reason = "not raised in this round after all",
        }, Call());
        var retracted = (await Recording.RetractEntryAsync(new RetractEntryRequest
        {
            RequestId = RequestId(),
            TargetStream = $"commitment-{given.NextRoundInChina}",
            TargetRevision = 0,
            Reason = "recorded from a misreading of the briefing",
        }, Call())).Result;

        var round = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId, MinPosition = retracted.Position }, Call())).Round;
        var nextRound = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.NextRoundId }, Call())).Round;
        var listed = (await Views.ListRoundsAsync(new ListRoundsRequest { DialogueId = given.DialogueId }, Call())).Rounds;

        Assert.Equal([given.GaoZhisheng, given.LiuXiaobo], before.CasesRaised.Select(c => c.CaseId).Order(StringComparer.Ordinal));
        Assert.Empty(round.CasesRaised);
        Assert.Equal([given.LegalExperts], round.CommitmentsMade.Select(c => c.CommitmentId));
        Assert.Equal(before.StatementsCount, round.StatementsCount);
        var moved = Assert.Single(nextRound.CasesRaised);
        Assert.Equal((given.LiuXiaobo, "Liu Xiaobo", "us", "2011", false), (moved.CaseId, moved.Name, moved.RaisedBy, moved.Date, moved.Publicly));
        Assert.Equal([round, nextRound], listed);
    }
}
