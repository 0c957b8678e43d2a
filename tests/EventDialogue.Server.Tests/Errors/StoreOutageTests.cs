using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Errors;

/// <summary>A database outage is told to clients as UNAVAILABLE (a retry is safe), never as UNKNOWN.</summary>
public sealed class StoreOutageTests(StoreOutageServer server) : IClassFixture<StoreOutageServer>
{
    private static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    [Fact]
    public async Task When_PostgreSQL_goes_down_a_call_answers_UNAVAILABLE_with_a_retry_delay_logged_as_one_warning_without_a_stack_trace()
    {
        var sourceId = Valid.Id("source");
        await server.Client.RegisterSourceAsync(Valid.Source(sourceId), Call());
        await server.StopDatabaseAsync();

        var status = await GrpcRefusals.RefusedAsync(
            StatusCode.Unavailable,
            async () => await server.Client.RecordStatementAsync(Valid.Statement(Valid.Id("statement"), sourceId), Call()));

        Assert.Equal("STORE_UNAVAILABLE", status.GetDetail<ErrorInfo>()?.Reason);
        Assert.NotNull(status.GetDetail<RetryInfo>()?.RetryDelay);
        Assert.DoesNotContain("127.0.0.1", status.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", status.Message, StringComparison.Ordinal);
        const string line = "RecordStatement answered Unavailable: the store failed with";
        await server.Log.WaitForAsync(text => text.Contains(line, StringComparison.Ordinal), Timeouts.Call);
        var log = server.Log.ToString();
        Assert.Single(log.Split('\n'), l => l.Contains(line, StringComparison.Ordinal));
        Assert.DoesNotContain("Exception was thrown by handler", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Error when executing service method", log, StringComparison.Ordinal);
    }
}
