using EventDialogue.Api.V1;

namespace EventDialogue.Server.Tests.Views;

public abstract partial class ViewsServiceContract
{
    [Fact]
    public async Task The_2010_Washington_round_shows_its_delegations_sessions_visits_tone_and_the_cases_promises_and_statements_about_it()
    {
        var given = await GivenWashington2010Async();

        var round = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId, MinPosition = given.LastPosition }, Call())).Round;

        Assert.Equal(given.RoundId, round.RoundId);
        Assert.Equal(given.DialogueId, round.DialogueId);
        Assert.Equal("concluded", round.Status);
        Assert.Equal("15th", round.Ordinal);
        Assert.Equal("2010-05-13/2010-05-14", round.Dates);
        Assert.Equal("Washington, DC", round.Place);
        Assert.Equal("2010-05-14", round.ConcludedOn);

        var us = round.Delegations.Single(d => d.Side == "us");
        Assert.Equal(Posner, us.LedBy);
        Assert.Equal([Posner, "Steinberg"], us.Members.Select(m => m.Name));
        Assert.Equal([true, false], us.Members.Select(m => m.Leads));
        Assert.Equal(PosnerTitle, us.Members[0].Title);
        var cn = round.Delegations.Single(d => d.Side == "cn");
        Assert.Equal("Chen Xu", cn.LedBy);
        Assert.Equal("Ministry of Foreign Affairs", Assert.Single(cn.Members).Agency);

        Assert.Equal(
            [["religious freedom", "labor rights", "freedom of expression", "rule of law", "racial discrimination", "multilateral cooperation"], ["individual cases"]],
            round.Sessions.Select(s => s.Topics.ToArray()));
        Assert.All(round.Sessions, s => Assert.Equal("2010-05-13", s.Date));
        Assert.Equal(["Supreme Court", "Carnegie Endowment for International Peace"], round.SiteVisits.Select(v => v.Place));
        Assert.Equal(["Justice Sandra Day O’Connor", "Tom Carothers"], round.SiteVisits.Select(v => v.Host));
        Assert.Equal(["rule of law", "role of lawyers in society"], round.SiteVisits[0].Topics);
        var tone = Assert.Single(round.Characterisations);
        Assert.Equal(("us", "candid and constructive"), (tone.Side, tone.Characterisation));
        Assert.Contains(round.Sources, c => c.SourceId == given.BriefingId && c.Quote == "We met yesterday and today.");

        Assert.Equal(
            [(given.GaoZhisheng, "Gao Zhisheng"), (given.LiuXiaobo, "Liu Xiaobo")],
            round.CasesRaised.Select(c => (c.CaseId, c.Name)).Order());
        Assert.All(round.CasesRaised, c => Assert.Equal(("us", "2010-05-13/2010-05-14", true), (c.RaisedBy, c.Date, c.Publicly)));
        Assert.Equal([given.LegalExperts, given.NextRoundInChina], round.CommitmentsMade.Select(c => c.CommitmentId).Order());
        var legalExperts = round.CommitmentsMade.Single(c => c.CommitmentId == given.LegalExperts);
        Assert.Equal(["us", "cn"], legalExperts.MadeBy);
        Assert.Equal("2010-05-14", legalExperts.MadeOn);
        Assert.Equal("we get the legal dialogue underway, we do it in the next few months", legalExperts.Words);
        Assert.Equal(5, round.StatementsCount);
    }

    [Fact]
    public async Task A_round_read_again_once_the_view_has_moved_shows_what_was_recorded_since_even_to_a_read_that_asks_for_no_position()
    {
        var given = await GivenWashington2010Async();
        for (var i = 0; i < 2; i++)
        {
            var before = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId, MinPosition = given.LastPosition }, Call())).Round;
            Assert.Equal(5, before.StatementsCount);
        }

        var said = await Recording.RecordStatementAsync(new RecordStatementRequest
        {
            RequestId = RequestId(),
            StatementId = Unique("statement"),
            Speaker = Posner,
            Side = "us",
            Setting = "briefing",
            Said = "2010-05-14",
            Text = "We also raised the cases of several lawyers.",
            Exact = true,
            RoundId = given.RoundId,
            Source = Cite(given.BriefingId),
        }, Call());

        // the rounds view is waited for through another read, so that this one asks for no position
        await Views.ListRoundsAsync(new ListRoundsRequest { DialogueId = given.DialogueId, MinPosition = said.Result.Position }, Call());
        var after = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId }, Call())).Round;

        Assert.Equal(6, after.StatementsCount);
    }

    [Fact]
    public async Task The_rounds_of_a_dialogue_are_listed_in_date_order_and_filtered_by_status()
    {
        var given = await GivenWashington2010Async();

        var all = await Views.ListRoundsAsync(new ListRoundsRequest { DialogueId = given.DialogueId, MinPosition = given.LastPosition }, Call());
        var scheduled = await Views.ListRoundsAsync(new ListRoundsRequest { DialogueId = given.DialogueId, Status = "scheduled" }, Call());
        var concluded = await Views.ListRoundsAsync(new ListRoundsRequest { DialogueId = given.DialogueId, Status = "concluded" }, Call());

        Assert.Equal([given.RoundId, given.NextRoundId], all.Rounds.Select(r => r.RoundId));
        Assert.Equal(["concluded", "scheduled"], all.Rounds.Select(r => r.Status));
        Assert.Equal(string.Empty, all.NextPageToken);
        Assert.Equal(5, all.Rounds[0].StatementsCount);
        Assert.Equal(2, all.Rounds[0].CasesRaised.Count);
        Assert.Equal(0, all.Rounds[1].StatementsCount);
        Assert.Equal(("2011", "China"), (all.Rounds[1].Dates, all.Rounds[1].Place));
        Assert.Equal([given.NextRoundId], scheduled.Rounds.Select(r => r.RoundId));
        Assert.Equal([given.RoundId], concluded.Rounds.Select(r => r.RoundId));
    }
}
