using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Views;
using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Server.Tests.History;

/// <summary>A server on SQLite of its own that lets a live history subscriber fall only 10 positions behind the head.</summary>
public sealed class SlowSubscriberServer : ViewsServer
{
    public const int MaxLag = 10;

    protected override Task<IReadOnlyDictionary<string, string>> BackendSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["EventStore:Backend"] = "sqlite",
            ["EventStore:SqlitePath"] = Path.Combine(WorkingDirectory, "slow.sqlite"),
            ["History:MaxSubscriberLag"] = MaxLag.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}

public sealed class SlowSubscriberTests(SlowSubscriberServer server) : IClassFixture<SlowSubscriberServer>
{
    [Fact]
    public async Task Given_a_live_subscriber_that_stops_reading_while_the_log_grows_when_it_reads_on_then_it_is_ended_as_too_slow_and_told_where_to_resume_with_nothing_skipped()
    {
        const int statements = 100;
        var recording = server.Recording;
        var history = new HistoryService.HistoryServiceClient(server.Channel);
        var (sourceId, registered) = await HistoryReadsContract.RegisterSourceForAsync(recording);
        var ids = Enumerable.Range(0, statements).Select(i => $"long-{i}-{Guid.NewGuid():N}").ToArray();
        var filter = new HistoryFilter { Streams = { ids.Select(id => $"statement-{id}") } };
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var call = history.Subscribe(new SubscribeRequest { AfterPosition = registered.Position, Filter = filter, CheckpointIntervalSeconds = 3600 }, cancellationToken: bound.Token);
        Assert.True(await call.ResponseStream.MoveNext(bound.Token));
        Assert.NotNull(call.ResponseStream.Current.CaughtUp);

        // Long statements, so that the transport's windows fill and the server waits on this client, which reads nothing meanwhile.
        var text = string.Concat(Enumerable.Repeat("The two sides discussed the rule of law at length. ", 350));
        var written = new List<long>();
        foreach (var id in ids)
        {
            written.Add((await HistoryReadsContract.RecordStatementForAsync(recording, id, sourceId, text)).Position);
        }

        var received = new List<long>();
        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(bound.Token))
            {
                if (call.ResponseStream.Current.Event is { } sent)
                {
                    received.Add(sent.Position);
                }
            }
        });

        Assert.Equal(StatusCode.Aborted, ended.StatusCode);
        var info = ended.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.True(info is not null, $"no ErrorInfo: {ended.Status.Detail}");
        Assert.Equal("SUBSCRIBER_TOO_SLOW", info.Reason);
        var resumeAfter = long.Parse(info.Metadata["resume_after_position"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"resume after position {resumeAfter}", ended.Status.Detail, StringComparison.Ordinal);
        Assert.True(long.Parse(info.Metadata["lag"], System.Globalization.CultureInfo.InvariantCulture) > SlowSubscriberServer.MaxLag);
        Assert.True(received.Count == 0 || resumeAfter >= received[^1], $"resume after {resumeAfter}, before the last event sent");

        using var rest = history.ReadAll(new ReadAllRequest { AfterPosition = resumeAfter, Filter = filter }, new CallOptions(deadline: DateTime.UtcNow + Timeouts.Call));
        var resumed = await rest.ResponseStream.ReadAllAsync().Select(r => r.Event.Position).ToListAsync();
        Assert.Equal(written, received.Concat(resumed));
    }
}
