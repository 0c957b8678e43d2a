using System.Buffers.Text;
using System.Text;
using EventDialogue.Api.V1;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Views;

public abstract partial class ViewsServiceContract
{
    [Fact]
    public async Task A_page_token_given_out_for_other_filters_or_another_list_is_refused_naming_page_token()
    {
        var given = await GivenWashington2010Async();
        var first = await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId, PageSize = 2, MinPosition = given.LastPosition }, Call());
        var token = first.NextPageToken;
        Assert.NotEqual(string.Empty, token);

        var sameFilters = await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId, PageSize = 2, PageToken = token }, Call());
        await InvalidAsync("page_token", async () => await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.NextRoundId, PageSize = 2, PageToken = token }, Call()));
        await InvalidAsync("page_token", async () => await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId, Speaker = Posner, PageSize = 2, PageToken = token }, Call()));
        await InvalidAsync("page_token", async () => await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = given.RoundId, Query = "rule of law", PageSize = 2, PageToken = token }, Call()));
        await InvalidAsync("page_token", async () => await Views.ListRoundsAsync(new ListRoundsRequest { PageToken = token }, Call()));

        Assert.Equal(2, sameFilters.Statements.Count);
        Assert.Empty(sameFilters.Statements.Select(s => s.StatementId).Intersect(first.Statements.Select(s => s.StatementId)));
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("eyJ9")]
    [InlineData("AAAA")]
    [InlineData("%%%")]
    [InlineData("json:{\"S\":\"\",\"I\":\"\",\"O\":0}")]
    [InlineData("json:{\"S\":\"a\",\"I\":\"b\",\"O\":-5,\"F\":\"0123456789abcdef01234567\"}")]
    public async Task A_page_token_the_server_did_not_give_out_is_refused_naming_page_token(string token)
    {
        var sent = token.StartsWith("json:", StringComparison.Ordinal) ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token[5..])) : token;

        await InvalidAsync("page_token", async () => await Views.ListTopicsAsync(new ListTopicsRequest { PageToken = sent }, Call()));
        await InvalidAsync("page_token", async () => await Views.ListCommitmentsAsync(new ListCommitmentsRequest { PageToken = sent }, Call()));
    }

    [Fact]
    public async Task A_negative_page_size_or_min_position_is_refused_naming_the_field()
    {
        await InvalidAsync("page_size", async () => await Views.ListRoundsAsync(new ListRoundsRequest { PageSize = -1 }, Call()));
        await InvalidAsync("page_size", async () => await Views.ListCommitmentsAsync(new ListCommitmentsRequest { PageSize = -20 }, Call()));
        await InvalidAsync("min_position", async () => await Views.ListTopicsAsync(new ListTopicsRequest { MinPosition = -1 }, Call()));
        await InvalidAsync("min_position", async () => await Views.GetStatementAsync(new GetStatementRequest { StatementId = "any", MinPosition = -7 }, Call()));
    }

    [Theory]
    [InlineData("ListRounds", "status", "adjourned")]
    [InlineData("ListRounds", "dialogue_id", "U.S.-China Human Rights Dialogue")]
    [InlineData("ListCaseFiles", "status", "vanished")]
    [InlineData("ListCaseFiles", "raised_by", "U.S.")]
    [InlineData("ListCaseFiles", "kind", "organisation")]
    [InlineData("ListCommitments", "as_of", "2010-06")]
    [InlineData("ListCommitments", "as_of", "June 1, 2010")]
    [InlineData("ListCommitments", "as_of", "2010-02-30")]
    [InlineData("ListCommitments", "status", "not-yet-made")]
    [InlineData("ListCommitments", "status", "late")]
    [InlineData("ListCommitments", "made_by", "US")]
    [InlineData("GetCommitment", "as_of", "2010-13-01")]
    [InlineData("ListStatements", "side", "China")]
    [InlineData("ListStatements", "setting", "podcast")]
    [InlineData("ListStatements", "round_id", " ")]
    [InlineData("ListStatements", "source_id", "State Dept briefing")]
    [InlineData("ListStatements", "query", "long")]
    [InlineData("GetRound", "round_id", "")]
    [InlineData("GetTopic", "topic", "")]
    public async Task A_malformed_filter_or_id_is_refused_naming_the_field(string method, string field, string value)
    {
        if (value == "long")
        {
            value = string.Join(' ', Enumerable.Repeat("rule of law", 20));
        }

        Func<Task> call = (method, field) switch
        {
            ("ListRounds", "status") => async () => await Views.ListRoundsAsync(new ListRoundsRequest { Status = value }, Call()),
            ("ListRounds", "dialogue_id") => async () => await Views.ListRoundsAsync(new ListRoundsRequest { DialogueId = value }, Call()),
            ("ListCaseFiles", "status") => async () => await Views.ListCaseFilesAsync(new ListCaseFilesRequest { Status = value }, Call()),
            ("ListCaseFiles", "raised_by") => async () => await Views.ListCaseFilesAsync(new ListCaseFilesRequest { RaisedBy = value }, Call()),
            ("ListCaseFiles", "kind") => async () => await Views.ListCaseFilesAsync(new ListCaseFilesRequest { Kind = value }, Call()),
            ("ListCommitments", "as_of") => async () => await Views.ListCommitmentsAsync(new ListCommitmentsRequest { AsOf = value }, Call()),
            ("ListCommitments", "status") => async () => await Views.ListCommitmentsAsync(new ListCommitmentsRequest { Status = value }, Call()),
            ("ListCommitments", "made_by") => async () => await Views.ListCommitmentsAsync(new ListCommitmentsRequest { MadeBy = value }, Call()),
            ("GetCommitment", "as_of") => async () => await Views.GetCommitmentAsync(new GetCommitmentRequest { CommitmentId = "legal-experts-dialogue", AsOf = value }, Call()),
            ("ListStatements", "side") => async () => await Views.ListStatementsAsync(new ListStatementsRequest { Side = value }, Call()),
            ("ListStatements", "setting") => async () => await Views.ListStatementsAsync(new ListStatementsRequest { Setting = value }, Call()),
            ("ListStatements", "round_id") => async () => await Views.ListStatementsAsync(new ListStatementsRequest { RoundId = value }, Call()),
            ("ListStatements", "source_id") => async () => await Views.ListStatementsAsync(new ListStatementsRequest { SourceId = value }, Call()),
            ("ListStatements", "query") => async () => await Views.ListStatementsAsync(new ListStatementsRequest { Query = value }, Call()),
            ("GetRound", "round_id") => async () => await Views.GetRoundAsync(new GetRoundRequest { RoundId = value }, Call()),
            ("GetTopic", "topic") => async () => await Views.GetTopicAsync(new GetTopicRequest { Topic = value }, Call()),
            _ => throw new ArgumentException($"no call for {method} {field}"),
        };

        var violation = await InvalidAsync(field, call);

        Assert.DoesNotContain("Exception", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_that_no_view_holds_is_NOT_FOUND_naming_it()
    {
        var missing = Unique("never-recorded");

        await NotFoundAsync(missing, async () => await Views.GetRoundAsync(new GetRoundRequest { RoundId = missing }, Call()));
        await NotFoundAsync(missing, async () => await Views.GetCaseFileAsync(new GetCaseFileRequest { CaseId = missing }, Call()));
        await NotFoundAsync(missing, async () => await Views.GetCommitmentAsync(new GetCommitmentRequest { CommitmentId = missing, AsOf = "2011-01-01" }, Call()));
        await NotFoundAsync(missing, async () => await Views.GetStatementAsync(new GetStatementRequest { StatementId = missing }, Call()));
        await NotFoundAsync(missing, async () => await Views.GetTopicAsync(new GetTopicRequest { Topic = missing }, Call()));
    }

    [Fact]
    public async Task A_name_holding_a_NUL_character_is_a_refusal_a_client_can_act_on_never_UNKNOWN()
    {
        var withNul = $"{Unique("topic")}\0";

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Views.GetTopicAsync(new GetTopicRequest { Topic = withNul }, Call()));

        // SQLite can look the name up and find nothing; PostgreSQL cannot hold it at all and says which request was wrong
        Assert.Contains(refused.StatusCode, new[] { StatusCode.NotFound, StatusCode.InvalidArgument });
        Assert.DoesNotContain("\0", refused.Status.Detail, StringComparison.Ordinal);
    }
}
