using EventDialogue.Client.Connection;
using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1;

namespace EventDialogue.Server.Tests.Limits;

public sealed class SizeAndStreamLimitTests(SizeLimitedServer fixture) : IClassFixture<SizeLimitedServer>
{
    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task Given_a_configured_receive_limit_when_a_request_is_bigger_then_it_is_refused_RESOURCE_EXHAUSTED_and_one_just_under_it_is_read()
    {
        using var channel = Server.CreateChannel();
        var views = new ViewsService.ViewsServiceClient(channel);

        var tooBig = await Assert.ThrowsAsync<RpcException>(() => views.GetTopicAsync(new GetTopicRequest { Topic = new string('t', SizeLimitedServer.MaxReceiveBytes) }, deadline: Deadline()).ResponseAsync);
        var read = await Assert.ThrowsAsync<RpcException>(() => views.GetTopicAsync(new GetTopicRequest { Topic = new string('t', SizeLimitedServer.MaxReceiveBytes - 100) }, deadline: Deadline()).ResponseAsync);

        Assert.True(tooBig.StatusCode == StatusCode.ResourceExhausted, tooBig.Status.ToString());
        Assert.Contains("message size", tooBig.Status.Detail, StringComparison.OrdinalIgnoreCase);

        // Read, and judged on its content: not a size refusal.
        Assert.NotEqual(StatusCode.ResourceExhausted, read.StatusCode);
        await Server.Output.WaitForAsync(output => output.Contains("GetTopic refused: ResourceExhausted Received message exceeds", StringComparison.Ordinal), Timeouts.Call);
        await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: Deadline());
    }

    [Fact]
    public async Task Given_a_configured_send_limit_when_an_answer_would_be_bigger_then_the_call_ends_RESOURCE_EXHAUSTED()
    {
        using var channel = Server.CreateChannel();
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(deadline: Deadline());

        // The recording service's descriptor is several kilobytes.
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "eventdialogue.v1.RecordingService" });
        await call.RequestStream.CompleteAsync();
        var refusal = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.True(refusal.StatusCode == StatusCode.ResourceExhausted, refusal.Status.ToString());
    }

    [Fact]
    public async Task Given_a_short_deadline_on_a_call_that_never_ends_by_itself_when_it_passes_then_the_call_ends_DEADLINE_EXCEEDED_and_the_server_stops_it()
    {
        using var channel = Server.CreateChannel();
        using var subscription = new HistoryService.HistoryServiceClient(channel).Subscribe(new SubscribeRequest(), deadline: DateTime.UtcNow.AddSeconds(1));

        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await subscription.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, ended.StatusCode);

        // The server's own word that the handler stopped, rather than the client merely giving up on it.
        await Server.Output.WaitForAsync(output => output.Contains("HistoryService/Subscribe cancelled", StringComparison.Ordinal), Timeouts.Call);
    }

    [Fact]
    public async Task Given_a_limit_of_two_streams_per_connection_when_two_calls_are_open_then_a_third_on_the_connection_waits_until_one_ends()
    {
        // One connection: the limit is per connection, and a client free to open another would not meet it.
        using var channel = ServerChannel.Create(Server.GrpcAddress, ServerProcess.AdminKey, new SocketsHttpHandler { EnableMultipleHttp2Connections = false });
        var health = new Health.HealthClient(channel);
        var history = new HistoryService.HistoryServiceClient(channel);

        // Connected first, so that the client knows the server's limit before it opens the streams.
        await health.CheckAsync(new HealthCheckRequest(), deadline: Deadline());
        using var first = history.Subscribe(new SubscribeRequest());
        using var second = history.Subscribe(new SubscribeRequest());
        await first.ResponseHeadersAsync.WaitAsync(Timeouts.Call);
        await second.ResponseHeadersAsync.WaitAsync(Timeouts.Call);

        var waited = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2)).ResponseAsync);
        first.Dispose();
        var answered = await health.CheckAsync(new HealthCheckRequest(), deadline: Deadline());

        Assert.Equal(StatusCode.DeadlineExceeded, waited.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answered.Status);
    }

    private static DateTime Deadline() => DateTime.UtcNow + Timeouts.Call;
}
