using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Errors;

public sealed partial class ErrorTests
{
    [Fact]
    public async Task A_refused_call_is_logged_once_in_one_line()
    {
        var statementId = EventDialogue.Server.Tests.Recording.Valid.Id("missing");

        await Assert.ThrowsAsync<RpcException>(async () => await Views.GetStatementAsync(new GetStatementRequest { StatementId = statementId }, Call()));

        await Log.WaitForAsync(text => text.Contains(statementId, StringComparison.Ordinal), Timeouts.Call);
        var lines = Log.ToString().Split('\n').Where(l => l.Contains(statementId, StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.Contains("GetStatement refused: NotFound", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_the_client_cancels_while_it_waits_is_logged_as_cancelled_not_as_a_failure_with_a_stack_trace()
    {
        // A position far beyond the log's head, and no deadline: the read waits for the view (10 s) until the client
        // gives up, a second after sending it.
        var request = new GetStatementRequest { StatementId = EventDialogue.Server.Tests.Recording.Valid.Id("later"), MinPosition = long.MaxValue / 2 };
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<RpcException>(async () => await Views.GetStatementAsync(request, cancellationToken: giveUp.Token));

        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
        await Log.WaitForAsync(text => text.Contains("GetStatement cancelled", StringComparison.Ordinal), Timeouts.Call);
        Assert.DoesNotContain("Error when executing service method", Log.ToString(), StringComparison.Ordinal);
    }
}
