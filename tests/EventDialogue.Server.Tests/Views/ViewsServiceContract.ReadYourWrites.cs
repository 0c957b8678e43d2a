using System.Diagnostics;
using System.Globalization;
using EventDialogue.Api.V1;
using EventDialogue.Projections.Views.Cases;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Projections.Views.Rounds;
using EventDialogue.Projections.Views.Statements;
using EventDialogue.Projections.Views.Topics;
using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Views;

public abstract partial class ViewsServiceContract
{
    // Long enough that the server's margin (a fifth, at most 1 s) carries its answer to the caller on a busy machine:
    // at 2 s the 0.4 s margin was once overtaken by the caller's own timer in a full CI run.
    private static readonly TimeSpan ShortDeadline = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("rounds")]
    [InlineData("case-files")]
    [InlineData("commitments")]
    [InlineData("statements")]
    [InlineData("topics")]
    public async Task A_read_at_a_position_past_the_head_fails_with_DEADLINE_EXCEEDED_within_the_deadline_saying_how_far_the_view_is(string view)
    {
        var given = await GivenWashington2010Async();
        var beyond = given.LastPosition + 1_000_000;
        var options = new CallOptions(deadline: DateTime.UtcNow + ShortDeadline);
        Func<Task> read = view switch
        {
            "rounds" => async () => await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId, MinPosition = beyond }, options),
            "case-files" => async () => await Views.ListCaseFilesAsync(new ListCaseFilesRequest { MinPosition = beyond }, options),
            "commitments" => async () => await Views.ListCommitmentsAsync(new ListCommitmentsRequest { MinPosition = beyond }, options),
            "statements" => async () => await Views.GetStatementAsync(new GetStatementRequest { StatementId = given.Benchmark, MinPosition = beyond }, options),
            _ => async () => await Views.ListTopicsAsync(new ListTopicsRequest { MinPosition = beyond }, options),
        };
        var clock = Stopwatch.StartNew();

        var status = await RefusedAsync(StatusCode.DeadlineExceeded, read);

        clock.Stop();
        Assert.True(clock.Elapsed >= ShortDeadline / 2, $"gave up after {clock.Elapsed}, long before the deadline");
        Assert.True(clock.Elapsed < ShortDeadline + TimeSpan.FromSeconds(2), $"answered after {clock.Elapsed}");
        var info = status.GetDetail<ErrorInfo>();
        Assert.True(info is not null, $"'{status.Message}' has no ErrorInfo");
        // Each projection carries the version of its documents' shape in its name.
        var projection = view switch
        {
            "rounds" => RoundsProjection.ProjectionName,
            "case-files" => CaseFilesProjection.ProjectionName,
            "commitments" => CommitmentsProjection.ProjectionName,
            "statements" => StatementsProjection.ProjectionName,
            _ => TopicsProjection.ProjectionName,
        };
        Assert.Equal(("VIEW_BEHIND", "eventdialogue", projection), (info.Reason, info.Domain, info.Metadata["view"]));
        Assert.Equal(beyond.ToString(CultureInfo.InvariantCulture), info.Metadata["min_position"]);
        var checkpoint = long.Parse(info.Metadata["checkpoint"], CultureInfo.InvariantCulture);
        Assert.InRange(checkpoint, given.LastPosition, beyond - 1);
        Assert.Contains($"the {projection} view has reached position {checkpoint}", status.Message, StringComparison.Ordinal);
        Assert.Contains($"min_position {beyond}", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_waiting_for_a_position_not_yet_written_answers_once_the_write_that_reaches_it_is_applied()
    {
        var given = await GivenWashington2010Async();
        await Views.GetStatementAsync(new GetStatementRequest { StatementId = given.Benchmark, MinPosition = given.LastPosition }, Call());
        var statementId = Unique("posner-next-steps");

        using var waiting = Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId, MinPosition = given.LastPosition + 1 }, Call());
        var answeredEarly = waiting.ResponseAsync.IsCompleted;
        var written = (await Recording.RecordStatementAsync(new RecordStatementRequest
        {
            RequestId = RequestId(),
            StatementId = statementId,
            Speaker = Posner,
            Side = "us",
            Setting = "interview",
            Said = "2010-05-12",
            Text = "We're very much focused on the next steps coming out of it.",
            Exact = true,
            RoundId = given.RoundId,
            Source = Cite(given.ApStoryId),
        }, Call())).Result;
        var answer = await waiting.ResponseAsync;

        Assert.False(answeredEarly, "the read answered before the write it waits for");
        Assert.True(written.Position > given.LastPosition);
        Assert.Contains(statementId, answer.Statements.Select(s => s.StatementId));
    }

    [Fact]
    public async Task Every_read_at_the_position_its_write_returned_sees_that_write_in_each_view()
    {
        var given = await GivenWashington2010Async();
        for (var i = 0; i < 5; i++)
        {
            var statementId = Unique("statement");
            var said = await Recording.RecordStatementAsync(new RecordStatementRequest
            {
                RequestId = RequestId(),
                StatementId = statementId,
                Speaker = Posner,
                Side = "us",
                Setting = "briefing",
                Said = "2010-05-14",
                Text = "We also discussed a number of individual cases.",
                Exact = true,
                Topics = { $"topic-{statementId}" },
                RoundId = given.RoundId,
                Source = Cite(given.BriefingId),
            }, Call());
            var statement = await Views.GetStatementAsync(new GetStatementRequest { StatementId = statementId, MinPosition = said.Result.Position }, Call());
            var topic = await Views.GetTopicAsync(new GetTopicRequest { Topic = $"topic-{statementId}", MinPosition = said.Result.Position }, Call());
            var round = await Views.GetRoundAsync(new GetRoundRequest { RoundId = given.RoundId, MinPosition = said.Result.Position }, Call());
            Assert.Equal(statementId, statement.Statement.StatementId);
            Assert.Equal(1, topic.Topic.Statements);
            Assert.Equal(5 + i + 1, round.Round.StatementsCount);

            var caseId = Unique("case");
            var opened = await Recording.OpenCaseAsync(new OpenCaseRequest
            {
                RequestId = RequestId(),
                CaseId = caseId,
                Kind = "person",
                Names = { new CaseName { Text = "Teng Biao", Script = "Latn" } },
                Source = Cite(given.CnnStoryId, "lawyers Teng Biao, Chen Guangcheng and Gao Zhisheng"),
            }, Call());
            Assert.Equal(caseId, (await Views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = caseId, MinPosition = opened.Result.Position }, Call())).CaseFile.CaseId);

            var commitmentId = Unique("commitment");
            var made = await Recording.MakeCommitmentAsync(new MakeCommitmentRequest
            {
                RequestId = RequestId(),
                CommitmentId = commitmentId,
                MadeBy = { "cn" },
                Words = "will take place in June",
                Action = "hold the legal experts dialogue",
                MadeOn = "2011-04-28",
                Due = "2011-06",
                DueRule = "'in June' said in April 2011: June 2011",
                Source = Cite(given.CnnStoryId),
            }, Call());
            var commitment = await Views.GetCommitmentAsync(new GetCommitmentRequest { CommitmentId = commitmentId, AsOf = "2011-05-01", MinPosition = made.Result.Position }, Call());
            Assert.Equal("pending", commitment.Commitment.Status);

            var roundId = Unique("round");
            var held = await Recording.HoldRoundAsync(new HoldRoundRequest
            {
                RequestId = RequestId(),
                RoundId = roundId,
                DialogueId = given.DialogueId,
                Dates = "2012-07",
                Place = "Washington, DC",
                Source = Cite(given.BriefingId),
            }, Call());
            Assert.Equal("held", (await Views.GetRoundAsync(new GetRoundRequest { RoundId = roundId, MinPosition = held.Result.Position }, Call())).Round.Status);
        }
    }
}
