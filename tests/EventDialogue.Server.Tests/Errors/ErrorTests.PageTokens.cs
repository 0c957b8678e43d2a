using System.Buffers.Text;
using System.Text.Json.Nodes;
using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;

namespace EventDialogue.Server.Tests.Errors;

public sealed partial class ErrorTests
{
    private const string NotIssued = "page_token: not a token this server issued";

    [Fact]
    public async Task A_page_token_altered_by_the_client_is_refused_as_not_issued_by_this_server_while_the_token_as_given_works()
    {
        var (sourceId, position) = await GivenTwoStatementsAsync();
        var first = await Views.ListStatementsAsync(new ListStatementsRequest { SourceId = sourceId, PageSize = 1, MinPosition = position }, Call());
        Assert.NotEmpty(first.NextPageToken);
        var altered = Altered(first.NextPageToken);

        var status = await GrpcRefusals.RefusedAsync(
            Grpc.Core.StatusCode.InvalidArgument,
            async () => await Views.ListStatementsAsync(new ListStatementsRequest { SourceId = sourceId, PageSize = 1, PageToken = altered }, Call()));

        Assert.StartsWith(NotIssued, status.Message, StringComparison.Ordinal);
        var second = await Views.ListStatementsAsync(new ListStatementsRequest { SourceId = sourceId, PageSize = 1, PageToken = first.NextPageToken }, Call());
        Assert.Single(second.Statements);
        Assert.NotEqual(first.Statements[0].StatementId, second.Statements[0].StatementId);
    }

    [Fact]
    public async Task A_page_token_forged_from_readable_JSON_without_the_servers_signature_is_refused()
    {
        var forged = Base64Url.EncodeToString("""{"S":"a","I":"b","O":0,"F":"0123456789abcdef01234567"}"""u8);

        var status = await GrpcRefusals.RefusedAsync(
            Grpc.Core.StatusCode.InvalidArgument,
            async () => await Views.ListTopicsAsync(new ListTopicsRequest { PageToken = forged }, Call()));

        Assert.StartsWith(NotIssued, status.Message, StringComparison.Ordinal);
    }

    /// <summary>The same token with its cursor moved on by one, and the signature left as it was.</summary>
    private static string Altered(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        Assert.True(dot > 0, $"'{token}' has no signature part.");
        var body = JsonNode.Parse(Base64Url.DecodeFromChars(token.AsSpan(0, dot)))!.AsObject();
        body["O"] = body["O"]!.GetValue<int>() + 1;
        return $"{Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()))}{token[dot..]}";
    }

    private async Task<(string SourceId, long Position)> GivenTwoStatementsAsync()
    {
        var sourceId = Valid.Id("source");
        await Recording.RegisterSourceAsync(Valid.Source(sourceId), Call());
        await Recording.RecordStatementAsync(Valid.Statement(Valid.Id("statement"), sourceId), Call());
        var last = await Recording.RecordStatementAsync(Valid.Statement(Valid.Id("statement"), sourceId), Call());
        return (sourceId, last.Result.Position);
    }
}
