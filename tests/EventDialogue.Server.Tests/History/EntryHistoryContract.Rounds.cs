using EventDialogue.Api.V1;

namespace EventDialogue.Server.Tests.History;

public abstract partial class EntryHistoryContract
{
    [Fact]
    public async Task Given_a_round_with_a_case_raised_in_it_and_the_raising_later_retracted_when_asked_as_of_each_step_then_the_round_case_and_commitment_read_as_the_live_views_did_then()
    {
        var s = Suffix();
        var (sourceId, _, roundId, held) = await GivenARoundAsync(s);
        var caseId = $"liu-xiaobo-{s}";
        var commitmentId = $"legal-experts-{s}";
        var roundThen = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = roundId, MinPosition = held }, Call())).Round;

        await Recording.OpenCaseAsync(new OpenCaseRequest
        {
            RequestId = RequestId(),
            CaseId = caseId,
            Kind = "person",
            Names = { new CaseName { Text = "Liu Xiaobo", Script = "Latn" } },
            Description = "author-dissident",
            Source = Cite(sourceId, "I can mention Liu Xiaobo"),
        }, Call());
        var raised = (await Recording.RaiseCaseAsync(new RaiseCaseRequest
        {
            RequestId = RequestId(),
            CaseId = caseId,
            RaisedBy = "us",
            Channel = "round",
            RoundId = roundId,
            Publicly = true,
            Date = "2010-05-13/2010-05-14",
            Source = Cite(sourceId, "we raised it"),
        }, Call())).Result.Position;
        var roundWithCase = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = roundId, MinPosition = raised }, Call())).Round;
        var caseRaised = (await Views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = caseId, MinPosition = raised }, Call())).CaseFile;

        var made = (await Recording.MakeCommitmentAsync(new MakeCommitmentRequest
        {
            RequestId = RequestId(),
            CommitmentId = commitmentId,
            MadeBy = { "us", "cn" },
            Words = "we get the legal dialogue underway, we do it in the next few months",
            Action = "hold the legal experts dialogue",
            MadeOn = "2010-05-14",
            Due = "2010-05-14/2010-09",
            DueRule = "'in the next few months' said on 2010-05-14: to the end of the fourth month after",
            RoundId = roundId,
            Source = Cite(sourceId, "the first benchmark"),
        }, Call())).Result.Position;
        var roundWithBoth = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = roundId, MinPosition = made }, Call())).Round;
        var commitmentMade = (await Views.GetCommitmentAsync(new GetCommitmentRequest { CommitmentId = commitmentId, MinPosition = made }, Call())).Commitment;

        var unraised = (await Recording.RetractEntryAsync(new RetractEntryRequest
        {
            RequestId = RequestId(),
            TargetStream = $"case-{caseId}",
            TargetRevision = 1,
            Reason = "raised at a later round, not this one",
        }, Call())).Result.Position;
        var roundWithout = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = roundId, MinPosition = unraised }, Call())).Round;
        var caseUnraised = (await Views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = caseId, MinPosition = unraised }, Call())).CaseFile;

        var round = $"round-{roundId}";
        Assert.Equal(roundThen, (await AtPositionAsync(round, held)).Round);
        Assert.Equal(roundThen, (await AtPositionAsync(round, raised - 1)).Round);
        var roundRaised = await AtPositionAsync(round, raised);
        Assert.Equal((roundWithCase, raised), (roundRaised.Round, roundRaised.Position));
        var roundMade = await AtPositionAsync(round, made);
        Assert.Equal((roundWithBoth, made), (roundMade.Round, roundMade.Position));
        Assert.Equal(roundWithout, (await AtPositionAsync(round, unraised)).Round);
        Assert.Equal(caseRaised, (await AtPositionAsync($"case-{caseId}", raised)).CaseFile);
        var caseNow = await AtPositionAsync($"case-{caseId}", unraised);
        Assert.Equal((caseUnraised, false), (caseNow.CaseFile, caseNow.Retracted));
        Assert.Equal(commitmentMade, (await AtPositionAsync($"commitment-{commitmentId}", made)).Commitment);

        // The comparisons mean something: the case was in the round, then was not.
        Assert.Equal([caseId], roundWithCase.CasesRaised.Select(c => c.CaseId));
        Assert.Equal([commitmentId], roundWithBoth.CommitmentsMade.Select(c => c.CommitmentId));
        Assert.Empty(roundWithout.CasesRaised);
        Assert.Empty(roundThen.CasesRaised);
    }
}
