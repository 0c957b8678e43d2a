using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Transport;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Limits;

public sealed class RateLimitTests(RateLimitedServer fixture) : IClassFixture<RateLimitedServer>
{
    private const int Attempts = RateLimitedServer.Calls + 3;

    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task Given_a_limit_of_five_calls_when_a_caller_makes_eight_then_three_are_refused_RESOURCE_EXHAUSTED_with_when_to_retry_each_logged_once_and_the_server_still_answers()
    {
        var (name, key) = await fixture.CreateAnalystKeyAsync("eight-calls");
        using var channel = Server.CreateChannel(key);
        var views = new ViewsService.ViewsServiceClient(channel);

        var refusals = new List<RpcException>();
        for (var i = 0; i < Attempts; i++)
        {
            try
            {
                await views.ListTopicsAsync(new ListTopicsRequest(), deadline: Deadline());
            }
            catch (RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.ResourceExhausted)
            {
                refusals.Add(e);
            }
        }

        Assert.Equal(Attempts - RateLimitedServer.Calls, refusals.Count);
        foreach (var refusal in refusals)
        {
            var status = refusal.GetRpcStatus();
            Assert.True(status is not null, $"'{refusal.Status.Detail}' carries no google.rpc.Status.");
            var retry = status.GetDetail<RetryInfo>();
            Assert.True(retry is not null, $"'{refusal.Status.Detail}' says nothing of when to retry.");
            Assert.InRange(retry.RetryDelay.ToTimeSpan(), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
            Assert.Equal("RATE_LIMITED", status.GetDetail<ErrorInfo>()?.Reason);
            var retryAfter = refusal.Trailers.GetValue("retry-after");
            Assert.Equal(((long)retry.RetryDelay.ToTimeSpan().TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), retryAfter);
            Assert.Contains($"principal {name}", refusal.Status.Detail, StringComparison.Ordinal);
        }

        await Server.Output.WaitForAsync(output => Lines(output, $"rate limit reached for principal {name}") == refusals.Count, Timeouts.Call);
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: Deadline());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.False(Server.HasExited);
    }

    [Fact]
    public async Task Given_one_principal_over_its_limit_when_another_calls_from_the_same_address_then_the_other_is_answered()
    {
        using var spent = Server.CreateChannel((await fixture.CreateAnalystKeyAsync("spent")).Key);
        using var other = Server.CreateChannel((await fixture.CreateAnalystKeyAsync("other")).Key);
        for (var i = 0; i < RateLimitedServer.Calls; i++)
        {
            await ListTopics(spent);
        }

        var refusal = await Assert.ThrowsAsync<RpcException>(() => ListTopics(spent));
        var answered = await ListTopics(other);

        Assert.Equal(Grpc.Core.StatusCode.ResourceExhausted, refusal.StatusCode);
        Assert.Empty(answered.Topics);
    }

    [Fact]
    public async Task Given_a_caller_over_its_limit_on_the_JSON_endpoint_then_it_is_answered_429_with_Retry_After()
    {
        var topics = new Uri(Server.JsonAddress, "/v1/topics");
        var (_, key) = await fixture.CreateAnalystKeyAsync("json");
        var statuses = new List<string>();
        ProcessRun last = null!;
        for (var i = 0; i < RateLimitedServer.Calls + 1; i++)
        {
            last = await Curl.GetAsync(topics, "--header", $"Authorization: Bearer {key}");
            statuses.Add(Curl.StatusCode(last));
        }

        Assert.Equal([.. Enumerable.Repeat("200", RateLimitedServer.Calls), "429"], statuses);
        Assert.Contains("RATE_LIMITED", last.Stdout, StringComparison.Ordinal);
        Assert.Contains("retry-after:", last.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    private static Task<ListTopicsResponse> ListTopics(GrpcChannel channel) =>
        new ViewsService.ViewsServiceClient(channel).ListTopicsAsync(new ListTopicsRequest(), deadline: Deadline()).ResponseAsync;

    private static int Lines(string output, string text) =>
        output.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    private static DateTime Deadline() => DateTime.UtcNow + Timeouts.Call;
}
