using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Statements;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Statements;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>The projection engine on each backend: checkpoints, crash-free restarts, poison events, rebuilds, read-your-writes.</summary>
public abstract class ProjectionEngineContract : StoreAndViewsContract
{
    private readonly CountingProjection _projection = new();

    private ProjectionRunner Runner(int batchSize = 500) => new(_projection, Events, Views, CountingProjection.Read, batchSize);

    /// <summary>Runs the projection until it has applied everything up to <paramref name="position"/>, then stops it.</summary>
    private static async Task RunUntilAsync(ProjectionRunner runner, Position position)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var running = runner.RunAsync(stop.Token);
        await Task.WhenAny(runner.Watch.WaitForAsync(position, stop.Token), running);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    private ProjectionRunner StatementsRunner(IEventStore events) =>
        new(new StatementsProjection(ReadFact), events, Views, r => ReadFact(r.Type, r.Data, r.Metadata.SchemaVersion));

    private static IDomainEvent ReadFact(string type, string json, int schemaVersion) => DomainEventJson.Deserialize(type, json, schemaVersion);

    private Task<AppendResult> AppendAsync(string stream, IDomainEvent fact) =>
        Events.AppendToStreamAsync(StreamName.Parse(stream), ExpectedRevision.Any, [GeneratedHistory.ToEventData(fact)]);

    private static StatementRecorded Statement(string id) =>
        new(id, "Speaker", "Spokesperson", "us", "briefing", "2010-05-14", null, $"Statement {id} on the rule of law", true, ["rule of law"], "neutral", null, new Citation("generated-source", "a quote", "p. 1"));

    private async Task<int> CountOf(string stream, string collection = CountingProjection.Counts) =>
        int.Parse((await Views.GetAsync(collection, stream))!.Json, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Given_two_projections_in_one_runner_when_an_event_poisons_one_then_it_stops_before_it_and_the_other_applies_every_event()
    {
        var (stopping, going) = (new CountingProjection("stops", "stopped-counts"), new CountingProjection("goes", "going-counts", poisoned: false));
        var before = await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Events_(5));
        var poison = await Events.AppendToStreamAsync(StreamName.Parse("round-b"), ExpectedRevision.Any, [new EventData(Guid.NewGuid(), "Poison", "{}", Fixtures.Events.Metadata)]);
        var head = await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Events_(5));
        var runner = new ProjectionRunner([stopping, going], Events, Views, CountingProjection.Read);
        var stopped = new List<(string Projection, ProjectionFailure Failure)>();
        runner.Stopped += (projection, failure) => stopped.Add((projection, failure));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var running = runner.RunAsync(stop.Token);
        await Task.WhenAny(runner.WatchOf(going.Name).WaitForAsync(head.Position, stop.Token), running);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        var (name, failure) = Assert.Single(stopped);
        Assert.Equal(stopping.Name, name);
        Assert.Equal(poison.Position, failure.Position);
        Assert.Equal(failure, runner.StatusOf(stopping.Name).Failure);
        Assert.Equal(before.Position, await Views.ReadCheckpointAsync(stopping.Name));
        Assert.Equal(5, await CountOf("round-a", "stopped-counts"));
        Assert.Null(runner.StatusOf(going.Name).Failure);
        Assert.Equal(head.Position, await Views.ReadCheckpointAsync(going.Name));
        Assert.Equal(10, await CountOf("round-a", "going-counts"));
        Assert.Equal(1, await CountOf("round-b", "going-counts"));
    }

    [Fact]
    public async Task Given_two_projections_at_different_checkpoints_when_they_run_in_one_runner_then_each_applies_each_event_exactly_once()
    {
        var (ahead, behind) = (new CountingProjection("ahead", "ahead-counts"), new CountingProjection("behind", "behind-counts"));
        await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Events_(20));
        await RunUntilAsync(new ProjectionRunner(ahead, Events, Views, CountingProjection.Read, batchSize: 7), await Events.ReadHeadPositionAsync());
        var head = (await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Events_(9))).Position;

        var together = new ProjectionRunner([ahead, behind], Events, Views, CountingProjection.Read, batchSize: 3);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var running = together.RunAsync(stop.Token);
        await Task.WhenAny(Task.WhenAll(together.WatchOf(ahead.Name).WaitForAsync(head, stop.Token), together.WatchOf(behind.Name).WaitForAsync(head, stop.Token)), running);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal(29, await CountOf("round-a", "ahead-counts"));
        Assert.Equal(29, await CountOf("round-a", "behind-counts"));
        Assert.Equal(head, await Views.ReadCheckpointAsync(ahead.Name));
        Assert.Equal(head, await Views.ReadCheckpointAsync(behind.Name));
    }

    [Fact]
    public async Task Given_a_stored_checkpoint_when_the_projection_restarts_then_it_applies_each_event_exactly_once()
    {
        await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Events_(30));
        await RunUntilAsync(Runner(batchSize: 7), await Events.ReadHeadPositionAsync());
        var head = (await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Events_(12))).Position;

        var restarted = Runner(batchSize: 7);
        await RunUntilAsync(restarted, head);

        Assert.Equal(42, await CountOf("round-a"));
        Assert.Equal(head, await Views.ReadCheckpointAsync(_projection.Name));
    }

    [Fact]
    public async Task Given_a_restarted_projection_that_cannot_tell_new_streams_from_evicted_ones_when_new_streams_arrive_then_it_projects_them_without_reading_them_back()
    {
        var earlier = await AppendAsync("statement-s-earlier", Statement("s-earlier"));
        await RunUntilAsync(StatementsRunner(Events), earlier.Position);

        // restarted: its cache starts empty at the stored checkpoint, as after an eviction, so it holds no stream it may trust
        var counted = new Fixtures.StreamReadsCounted(Events);
        await AppendAsync("statement-s-new-1", Statement("s-new-1"));
        await AppendAsync("statement-s-new-2", Statement("s-new-2"));
        var head = await AppendAsync("statement-s-earlier", new EntryRetracted(0, EventTypes.NameOf(Statement("s-earlier")), "recorded in error", null));
        await RunUntilAsync(StatementsRunner(counted), head.Position);

        // the stream with history before the checkpoint is read back; the two that begin after it are not
        Assert.Equal(["statement-s-earlier"], counted.StreamsRead);
        Assert.NotNull(await Views.GetAsync(StatementsProjection.StatementsCollection, "s-new-1"));
        Assert.NotNull(await Views.GetAsync(StatementsProjection.StatementsCollection, "s-new-2"));
        Assert.Null(await Views.GetAsync(StatementsProjection.StatementsCollection, "s-earlier"));
    }

    [Fact]
    public async Task A_live_projection_applies_appends_made_while_it_runs()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var runner = Runner();
        var running = runner.RunAsync(stop.Token);
        Position last = default;
        for (var i = 0; i < 20; i++)
        {
            last = (await Events.AppendToStreamAsync(StreamName.Parse($"case-{i % 3}"), ExpectedRevision.Any, Events_(1))).Position;
        }

        await runner.Watch.WaitForAsync(last, stop.Token);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal(20, await CountOf("case-0") + await CountOf("case-1") + await CountOf("case-2"));
    }

    [Fact]
    public async Task Given_a_live_projection_when_the_subscription_hands_over_less_than_the_log_holds_then_the_batch_waits_for_the_rest_and_commits_it_once()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var counting = new BatchSizes();
        var runner = new ProjectionRunner(counting, new Fixtures.SubscriptionOneEventPerRead(Events), Views, CountingProjection.Read);
        var running = runner.RunAsync(stop.Token);
        var first = await Events.AppendToStreamAsync(StreamName.Parse("case-a"), ExpectedRevision.Any, Events_(1));
        await runner.Watch.WaitForAsync(first.Position, stop.Token);

        // caught up: the twenty come through the live subscription, one at a time, all already in the log
        var last = await Events.AppendToStreamAsync(StreamName.Parse("case-b"), ExpectedRevision.Any, Events_(20));
        await runner.Watch.WaitForAsync(last.Position, stop.Token);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal([1, 20], counting.Flushed);
    }

    /// <summary>A runner that gathers live events for a minute of a clock that moves only when the test says.</summary>
    private (ProjectionRunner Runner, Fixtures.HeldClock Clock, BatchSizes Counting) GatheringRunner()
    {
        var clock = new Fixtures.HeldClock();
        var counting = new BatchSizes();
        return (new ProjectionRunner(counting, Events, Views, CountingProjection.Read, clock: clock, gathering: TimeSpan.FromMinutes(1)), clock, counting);
    }

    [Fact]
    public async Task Given_a_runner_that_gathers_live_events_when_more_are_appended_while_it_gathers_then_all_are_committed_in_one_batch_once_the_time_is_up()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var (runner, clock, counting) = GatheringRunner();
        var running = runner.RunAsync(stop.Token);
        await Events.AppendToStreamAsync(StreamName.Parse("case-a"), ExpectedRevision.Any, Events_(1));
        await clock.TimerSetAsync(stop.Token);

        await Events.AppendToStreamAsync(StreamName.Parse("case-b"), ExpectedRevision.Any, Events_(1));
        var last = await Events.AppendToStreamAsync(StreamName.Parse("case-c"), ExpectedRevision.Any, Events_(1));
        clock.Advance(TimeSpan.FromMinutes(1));
        await runner.Watch.WaitForAsync(last.Position, stop.Token);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal([3], counting.Flushed);
    }

    [Fact]
    public async Task Given_a_runner_gathering_live_events_when_a_reader_waits_for_them_then_they_are_committed_at_once()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var (runner, clock, counting) = GatheringRunner();
        var running = runner.RunAsync(stop.Token);
        var written = await Events.AppendToStreamAsync(StreamName.Parse("case-a"), ExpectedRevision.Any, Events_(2));
        await clock.TimerSetAsync(stop.Token);

        // the clock never moves: only the reader's wait can end the gathering
        await runner.Watch.WaitForAsync(written.Position, stop.Token);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal([2], counting.Flushed);
    }

    /// <summary>A projection that says how many events each batch it flushed held.</summary>
    private sealed class BatchSizes : IProjection
    {
        private readonly List<int> _flushed = [];

        public string Name => "batch-sizes";

        public IReadOnlyList<string> Collections => [];

        public IReadOnlyList<int> Flushed
        {
            get
            {
                lock (_flushed)
                {
                    return [.. _flushed];
                }
            }
        }

        public IProjectionBatch Begin(BatchStart start) => new Batch(this);

        public IProjection Fresh() => new BatchSizes();

        private sealed class Batch(BatchSizes owner) : IProjectionBatch
        {
            private int _applied;

            public void Apply(ProjectedEvent projected) => _applied++;

            public Task FlushAsync(IViewTransaction views, CancellationToken cancellationToken)
            {
                lock (owner._flushed)
                {
                    owner._flushed.Add(_applied);
                }

                return Task.CompletedTask;
            }
        }
    }

    [Fact]
    public async Task Given_a_poison_event_when_the_projection_reaches_it_then_it_stops_before_it_and_says_where()
    {
        var before = await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Events_(5));
        var poison = await Events.AppendToStreamAsync(StreamName.Parse("round-b"), ExpectedRevision.Any, [new EventData(Guid.NewGuid(), "Poison", "{}", Fixtures.Events.Metadata)]);
        await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Events_(5));
        var runner = Runner();

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await runner.RunAsync(bound.Token);

        var failure = runner.Status.Failure;
        Assert.NotNull(failure);
        Assert.Equal(poison.Position, failure.Position);
        Assert.Equal("Poison", failure.EventType);
        Assert.Equal("round-b", failure.Stream);
        Assert.Equal(before.Position, await Views.ReadCheckpointAsync(_projection.Name));
        Assert.Equal(5, await CountOf("round-a"));
    }

    [Fact]
    public async Task A_view_rebuilt_from_zero_equals_the_incrementally_built_one()
    {
        var runner = Runner(batchSize: 50);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var running = runner.RunAsync(stop.Token);
        Position last = default;
        for (var i = 0; i < 60; i++)
        {
            last = (await Events.AppendToStreamAsync(StreamName.Parse($"case-{i % 7}"), ExpectedRevision.Any, Events_(1 + (i % 4)))).Position;
        }

        await runner.Watch.WaitForAsync(last, stop.Token);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        var incremental = await AllCountsAsync();

        await Views.ResetAsync(_projection.Name, _projection.Collections);
        Assert.Empty(await AllCountsAsync());
        await RunUntilAsync(Runner(batchSize: 500), last);

        Assert.Equal(incremental, await AllCountsAsync());
    }

    [Fact]
    public async Task A_reader_waiting_for_a_position_is_released_once_the_view_has_reached_it_and_not_before()
    {
        var runner = Runner();
        var written = await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Events_(3));
        using var notYet = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.Watch.WaitForAsync(written.Position, notYet.Token));

        await RunUntilAsync(runner, written.Position);
        await runner.Watch.WaitForAsync(written.Position, CancellationToken.None);
        Assert.Equal(3, await CountOf("round-a"));
    }

    [Fact]
    public async Task Given_two_followers_of_one_shared_reader_when_they_catch_up_over_several_pages_and_go_live_then_each_gets_every_event_once_in_order_and_each_caught_up_event_is_parsed_once()
    {
        const int CaughtUp = (2 * SharedLogReader.PageSize) + 10;
        const int Live = 3;
        for (var i = 0; i < 10; i++)
        {
            await Events.AppendToStreamAsync(StreamName.Parse($"case-{i}"), ExpectedRevision.NoStream, Events_(CaughtUp / 10));
        }

        var parses = 0;
        var reader = new SharedLogReader(Events, recorded => { Interlocked.Increment(ref parses); return CountingProjection.Read(recorded); }, followers: 2);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var (firstCaughtUp, secondCaughtUp) = (new TaskCompletionSource(), new TaskCompletionSource());

        async Task<List<LoggedEvent>> FollowAsync(TaskCompletionSource caughtUp)
        {
            var seen = new List<LoggedEvent>();
            await foreach (var logged in reader.FollowAsync(Position.Start, bound.Token))
            {
                _ = logged.Fact;
                seen.Add(logged);
                if (seen.Count == CaughtUp)
                {
                    caughtUp.SetResult();
                }

                if (seen.Count == CaughtUp + Live)
                {
                    return seen;
                }
            }

            return seen;
        }

        var first = FollowAsync(firstCaughtUp);
        var second = FollowAsync(secondCaughtUp);
        await Task.WhenAll(firstCaughtUp.Task, secondCaughtUp.Task).WaitAsync(bound.Token);
        await Events.AppendToStreamAsync(StreamName.Parse("round-live"), ExpectedRevision.NoStream, Events_(Live));
        var (firstSeen, secondSeen) = (await first, await second);

        var log = await Events.ReadAllAsync(Position.Start, AllFilter.None).Select(e => e.Position).ToListAsync();
        Assert.Equal(log, firstSeen.Select(e => e.Recorded.Position));
        Assert.Equal(log, secondSeen.Select(e => e.Recorded.Position));
        Assert.All(Enumerable.Range(0, CaughtUp), i => Assert.Same(firstSeen[i], secondSeen[i]));
        Assert.Equal(CaughtUp + (2 * Live), parses);
    }

    private async Task<List<(string Id, string Json)>> AllCountsAsync()
    {
        var all = new List<(string, string)>();
        ViewCursor? after = null;
        do
        {
            var page = await Views.QueryAsync(new ViewQuery(CountingProjection.Counts, [], 100, after));
            all.AddRange(page.Hits.Select(h => (h.Document.Id, h.Document.Json)));
            after = page.Next;
        }
        while (after is not null);

        return all;
    }

    private static EventData[] Events_(int count) => Fixtures.Events.Some(count);

    [Fact]
    public async Task Given_a_view_gone_wrong_when_it_is_built_again_beside_it_then_readers_keep_the_whole_old_view_until_the_new_one_replaces_it()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Events_(30));
        var head = (await Events.AppendToStreamAsync(StreamName.Parse("round-b"), ExpectedRevision.Any, Events_(10))).Position;
        await RunUntilAsync(Runner(), head);
        // gone wrong out of turn, as a damaged or hand-edited store would be: a count changed and a stray document
        await using (var damage = await Views.BeginAsync(_projection.Name))
        {
            await damage.PutAsync(new ViewDocument(CountingProjection.Counts, "round-a", "999", "round-a", []));
            await damage.PutAsync(new ViewDocument(CountingProjection.Counts, "round-z", "1", "round-z", []));
            await damage.CommitAsync(head);
        }

        await using var build = await FreshCopyBuild.StartAsync(_projection.Fresh(), Events, Views, CountingProjection.Read, ProjectionRunner.CatchUpBatchSize, bound.Token);
        await build.CatchUpAsync(head, bound.Token);

        Assert.Equal(999, await CountOf("round-a"));
        Assert.Equal(10, await CountOf("round-b"));
        Assert.NotNull(await Views.GetAsync(CountingProjection.Counts, "round-z"));

        Assert.Equal(head, await build.ReplaceViewAsync(bound.Token));

        Assert.Equal(30, await CountOf("round-a"));
        Assert.Equal(10, await CountOf("round-b"));
        Assert.Null(await Views.GetAsync(CountingProjection.Counts, "round-z"));
        Assert.Equal(head, await Views.ReadCheckpointAsync(_projection.Name));
        Assert.Equal(Position.Start, await Views.ReadCheckpointAsync(FreshCopy.Of(_projection.Name)));
        Assert.Null(await Views.GetAsync(FreshCopy.Of(CountingProjection.Counts), "round-a"));

        var next = (await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Events_(5))).Position;
        await RunUntilAsync(new ProjectionRunner(build.Projection, Events, Views, CountingProjection.Read), next);
        Assert.Equal(35, await CountOf("round-a"));
    }

    [Fact]
    public async Task Given_a_view_another_runner_goes_on_following_when_a_fresh_copy_replaces_it_meanwhile_then_no_event_is_lost_or_applied_twice()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Events_(40));
        var live = new ProjectionRunner(_projection, Events, Views, CountingProjection.Read, batchSize: 5, backoff: () => new RetryBackoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(200)));
        using var stopLive = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
        var following = live.RunAsync(stopLive.Token);
        await live.Watch.WaitForAsync(await Events.ReadHeadPositionAsync(), bound.Token);

        const int AppendedMeanwhile = 60;
        var appending = Task.Run(
            async () =>
            {
                var last = Position.Start;
                for (var i = 0; i < AppendedMeanwhile; i++)
                {
                    last = (await Events.AppendToStreamAsync(StreamName.Parse($"case-{i % 3}"), ExpectedRevision.Any, Events_(1))).Position;
                }

                return last;
            },
            bound.Token);
        Position replaced;
        await using (var build = await FreshCopyBuild.StartAsync(_projection.Fresh(), Events, Views, CountingProjection.Read, ProjectionRunner.CatchUpBatchSize, bound.Token))
        {
            replaced = await build.ReplaceViewAsync(bound.Token);
        }

        var head = await appending;
        await live.Watch.WaitForAsync(head, bound.Token);
        await stopLive.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => following);

        Assert.True(replaced > Position.Start, $"the copy replaced the view at {replaced}");
        Assert.Equal(40, await CountOf("round-a"));
        Assert.Equal(AppendedMeanwhile, await CountOf("case-0") + await CountOf("case-1") + await CountOf("case-2"));
        Assert.Equal(head, await Views.ReadCheckpointAsync(_projection.Name));
    }

    [Fact]
    public async Task Given_a_fresh_copy_that_meets_an_event_it_cannot_apply_then_the_build_fails_naming_it_and_the_view_in_use_is_kept_whole()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var tolerant = new CountingProjection(poisoned: false);
        await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Events_(5));
        var poison = await Events.AppendToStreamAsync(StreamName.Parse("round-b"), ExpectedRevision.Any, [new EventData(Guid.NewGuid(), "Poison", "{}", Fixtures.Events.Metadata)]);
        var head = (await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Events_(5))).Position;
        await RunUntilAsync(new ProjectionRunner(tolerant, Events, Views, CountingProjection.Read), head);

        await using (var build = await FreshCopyBuild.StartAsync(_projection.Fresh(), Events, Views, CountingProjection.Read, ProjectionRunner.CatchUpBatchSize, bound.Token))
        {
            var stopped = await Assert.ThrowsAsync<ViewRebuildStoppedException>(() => build.ReplaceViewAsync(bound.Token));
            Assert.Equal(poison.Position, stopped.Failure.Position);
            Assert.Contains("the view in use is kept", stopped.Message, StringComparison.Ordinal);
        }

        Assert.Equal(10, await CountOf("round-a"));
        Assert.Equal(1, await CountOf("round-b"));
        Assert.Equal(head, await Views.ReadCheckpointAsync(_projection.Name));
        Assert.Equal(Position.Start, await Views.ReadCheckpointAsync(FreshCopy.Of(_projection.Name)));
        Assert.Null(await Views.GetAsync(FreshCopy.Of(CountingProjection.Counts), "round-a"));
    }
}
