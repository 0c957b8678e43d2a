using EventDialogue.Api.V1;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Views;

public abstract partial class ViewsServiceContract
{
    private const string RoundsView = "rounds-v4";

    [Fact]
    public async Task Given_a_round_when_its_view_is_built_again_then_every_read_meanwhile_gets_the_whole_round_and_the_view_goes_on_following_the_log()
    {
        var given = await GivenWashington2010Async();
        var before = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId, MinPosition = given.LastPosition }, Call())).Round;
        var withTheNewStatement = before.Clone();
        withTheNewStatement.StatementsCount++;

        // reads without min_position see the view as it is: a view dropped and half built would show here
        using var rebuilt = new CancellationTokenSource();
        var reads = Task.Run(async () =>
        {
            var seen = new List<Round>();
            do
            {
                seen.Add((await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId }, Call())).Round);
            }
            while (!rebuilt.IsCancellationRequested);

            return seen;
        });
        var rebuilding = Views.RebuildViewAsync(new RebuildViewRequest { View = RoundsView }, Call()).ResponseAsync;
        var written = await RecordCandidAgainAsync(given);
        var following = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId, MinPosition = written.Position }, Call())).Round;
        var answer = await rebuilding;
        await rebuilt.CancelAsync();
        var meanwhile = await reads;

        Assert.Equal(withTheNewStatement, following);
        Assert.Equal(RoundsView, answer.View);
        Assert.True(answer.Checkpoint >= given.LastPosition, $"the view was built again up to {answer.Checkpoint}, before {given.LastPosition}");
        Assert.Equal(withTheNewStatement, (await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId, MinPosition = Math.Max(answer.Checkpoint, written.Position) }, Call())).Round);
        Assert.NotEmpty(meanwhile);
        var partial = meanwhile.Where(r => !r.Equals(before) && !r.Equals(withTheNewStatement)).ToList();
        Assert.True(partial.Count == 0, $"{partial.Count} of {meanwhile.Count} reads during the rebuild got neither the round before nor after the new statement, e.g. {partial.FirstOrDefault()}");
    }

    [Fact]
    public async Task Building_again_a_view_that_does_not_exist_or_none_at_all_is_refused_naming_the_views_there_are()
    {
        await NotFoundAsync("no-such-view", () => Views.RebuildViewAsync(new RebuildViewRequest { View = "no-such-view" }, Call()).ResponseAsync);
        var unknown = await RefusedAsync(StatusCode.NotFound, () => Views.RebuildViewAsync(new RebuildViewRequest { View = "rounds" }, Call()).ResponseAsync);
        Assert.Contains(RoundsView, unknown.Message, StringComparison.Ordinal);

        var none = await InvalidAsync("view", () => Views.RebuildViewAsync(new RebuildViewRequest(), Call()).ResponseAsync);
        Assert.Contains(RoundsView, none.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Views_built_again_at_once_the_same_one_twice_are_each_put_in_place_and_the_views_go_on_following_the_log()
    {
        var given = await GivenWashington2010Async();
        var before = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId, MinPosition = given.LastPosition }, Call())).Round;

        var answers = await Task.WhenAll(
            Views.RebuildViewAsync(new RebuildViewRequest { View = RoundsView }, Call()).ResponseAsync,
            Views.RebuildViewAsync(new RebuildViewRequest { View = "case-files-v2" }, Call()).ResponseAsync,
            Views.RebuildViewAsync(new RebuildViewRequest { View = RoundsView }, Call()).ResponseAsync);
        var written = await RecordCandidAgainAsync(given);
        var after = (await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId, MinPosition = written.Position }, Call())).Round;

        Assert.Equal([RoundsView, "case-files-v2", RoundsView], answers.Select(a => a.View));
        Assert.All(answers, a => Assert.True(a.Checkpoint >= given.LastPosition, $"{a.View} was built again up to {a.Checkpoint}, before {given.LastPosition}"));
        Assert.Equal(before.StatementsCount + 1, after.StatementsCount);
        Assert.Equal(before.CasesRaised, after.CasesRaised);
        var caseFile = await Views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = given.LiuXiaobo, MinPosition = written.Position }, Call());
        Assert.Equal(given.LiuXiaobo, caseFile.CaseFile.CaseId);
    }

    /// <summary>One more statement about the round: Posner's "candid and constructive", recorded again under an id of its own.</summary>
    private async Task<WriteResult> RecordCandidAgainAsync(Washington2010 given) =>
        (await Recording.RecordStatementAsync(
            new RecordStatementRequest
            {
                RequestId = RequestId(),
                StatementId = Unique("posner-candid-again"),
                Speaker = Posner,
                Side = "us",
                Setting = "press-conference",
                Said = "2010-05-14",
                Place = "Washington",
                Text = CandidWords,
                Exact = true,
                RoundId = given.RoundId,
                Source = Cite(given.BriefingId, CandidWords),
            },
            Call())).Result;
}
