using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Core;

namespace EventDialogue.Server.Tests.History;

public abstract partial class HistoryReadsContract
{
    private static readonly TimeSpan SubscriptionBound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Given_events_before_and_writers_during_a_subscription_when_it_catches_up_and_goes_live_then_it_sends_each_of_them_once_in_order_and_says_when_it_caught_up()
    {
        const int writers = 3;
        const int perWriter = 10;
        var (sourceId, _) = await RegisterSourceAsync(Recording);
        var earlier = Enumerable.Range(0, 5).Select(i => Unique($"earlier{i}")).ToArray();
        var during = Enumerable.Range(0, writers).Select(w => Enumerable.Range(0, perWriter).Select(i => Unique($"w{w}n{i}")).ToArray()).ToArray();
        var written = new List<long>();
        foreach (var id in earlier)
        {
            written.Add((await RecordStatementAsync(Recording, id, sourceId)).Position);
        }

        await WaitUntilReadableAsync($"statement-{earlier[^1]}", written[^1]);
        using var bound = new CancellationTokenSource(SubscriptionBound);
        using var call = History.Subscribe(new SubscribeRequest { Filter = Streams([.. earlier.Concat(during.SelectMany(w => w)).Select(id => $"statement-{id}")]) }, cancellationToken: bound.Token);
        var responses = call.ResponseStream;

        // The writers start once the subscription has sent its first event, so that they write while it catches up and after.
        Assert.True(await responses.MoveNext(bound.Token));
        var received = new List<HistoryEvent> { responses.Current.Event };
        var writing = during.Select(ids => Task.Run(async () =>
        {
            var positions = new List<long>();
            foreach (var id in ids)
            {
                positions.Add((await RecordStatementAsync(Recording, id, sourceId)).Position);
            }

            return positions;
        })).ToArray();

        var caughtUp = new List<SubscriptionCaughtUp>();
        var expected = earlier.Length + (writers * perWriter);
        while (received.Count < expected)
        {
            Assert.True(await responses.MoveNext(bound.Token), "the subscription ended");
            switch (responses.Current.MessageCase)
            {
                case SubscribeResponse.MessageOneofCase.Event:
                    received.Add(responses.Current.Event);
                    break;
                case SubscribeResponse.MessageOneofCase.CaughtUp:
                    caughtUp.Add(responses.Current.CaughtUp);
                    break;
            }
        }

        foreach (var positions in await Task.WhenAll(writing))
        {
            written.AddRange(positions);
        }

        Assert.Equal(written.Order(), received.Select(e => e.Position));
        Assert.Equal(received.Count, received.Select(e => e.EventId).Distinct().Count());
        var live = Assert.Single(caughtUp);
        Assert.True(live.Position >= written[earlier.Length - 1], $"caught up at {live.Position}, before the events written first");
    }

    [Fact]
    public async Task Given_a_filter_that_matches_nothing_when_subscribed_then_checkpoints_of_the_position_read_arrive_every_interval()
    {
        var (registeredId, registered) = await RegisterSourceAsync(Recording);
        await WaitUntilReadableAsync($"source-{registeredId}", registered.Position);
        using var bound = new CancellationTokenSource(SubscriptionBound);
        using var call = History.Subscribe(
            new SubscribeRequest { AfterPosition = registered.Position - 1, Filter = Streams($"statement-{Unique("never-said")}"), CheckpointIntervalSeconds = 1 },
            cancellationToken: bound.Token);
        var responses = call.ResponseStream;

        Assert.True(await responses.MoveNext(bound.Token));
        var caughtUp = responses.Current.CaughtUp;
        Assert.True(caughtUp is not null, $"first message {responses.Current}");
        Assert.True(caughtUp.Position >= registered.Position, $"caught up at {caughtUp.Position}, before {registered.Position}");

        var (_, later) = await RegisterSourceAsync(Recording);
        var checkpoints = new List<long>();
        while (checkpoints.Count == 0 || checkpoints[^1] < later.Position)
        {
            Assert.True(await responses.MoveNext(bound.Token), "the subscription ended");
            Assert.Equal(SubscribeResponse.MessageOneofCase.Checkpoint, responses.Current.MessageCase);
            checkpoints.Add(responses.Current.Checkpoint.Position);
        }

        Assert.Equal(checkpoints.Order(), checkpoints);
        Assert.True(checkpoints[0] >= caughtUp.Position);
    }

    [Fact]
    public async Task Given_a_live_subscription_when_the_client_cancels_then_it_ends_cancelled_and_the_server_serves_on()
    {
        var (sourceId, registered) = await RegisterSourceAsync(Recording);
        using var cancel = new CancellationTokenSource();
        using var call = History.Subscribe(new SubscribeRequest { AfterPosition = registered.Position - 1, Filter = Streams($"source-{sourceId}") }, cancellationToken: cancel.Token);
        using var bound = new CancellationTokenSource(SubscriptionBound);
        var messages = new List<SubscribeResponse>();
        while (!messages.Exists(m => m.Event is not null) || !messages.Exists(m => m.CaughtUp is not null))
        {
            Assert.True(await call.ResponseStream.MoveNext(bound.Token), "the subscription ended");
            messages.Add(call.ResponseStream.Current);
        }

        Assert.Equal(registered.Position, Assert.Single(messages, m => m.Event is not null).Event.Position);

        await cancel.CancelAsync();
        var ended = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(bound.Token));

        Assert.Equal(StatusCode.Cancelled, ended.StatusCode);
        var again = await ReadAllAsync(new() { Filter = Streams($"source-{sourceId}") });
        Assert.Equal(registered.Position, Assert.Single(again).Position);
    }

    [Fact]
    public async Task Given_a_bad_subscription_when_sent_then_it_is_refused_naming_the_field()
    {
        async Task Subscribe(SubscribeRequest request)
        {
            using var call = History.Subscribe(request, Call());
            await call.ResponseStream.MoveNext();
        }

        await GrpcRefusals.InvalidAsync("checkpoint_interval_seconds", () => Subscribe(new() { CheckpointIntervalSeconds = 3601 }));
        await GrpcRefusals.InvalidAsync("checkpoint_interval_seconds", () => Subscribe(new() { CheckpointIntervalSeconds = -1 }));
        await GrpcRefusals.InvalidAsync("after_position", () => Subscribe(new() { AfterPosition = -2 }));
        await GrpcRefusals.InvalidAsync("filter.streams", () => Subscribe(new() { Filter = Streams("Statement-X") }));
    }
}
