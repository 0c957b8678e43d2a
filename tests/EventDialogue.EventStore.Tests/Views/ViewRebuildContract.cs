using EventDialogue.Domain.Common;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Views.Cases;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Projections.Views.Rounds;
using EventDialogue.Projections.Views.Statements;
using EventDialogue.Projections.Views.Topics;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>
/// Every view, built live while a large history is appended, must come out identical when dropped and rebuilt
/// from position 0 in batches of another size.
/// </summary>
public abstract class ViewRebuildContract : StoreAndViewsContract
{
    private const int MinimumEvents = 100_000;

    private static IDomainEvent Read(string type, string json, int schemaVersion) => DomainEventJson.Deserialize(type, json, schemaVersion);

    private static IReadOnlyList<IProjection> AllProjections() =>
        [new RoundsProjection(Read), new CaseFilesProjection(Read), new CommitmentsProjection(Read), new StatementsProjection(Read), new TopicsProjection(Read)];

    [Fact]
    public async Task Every_view_rebuilt_from_zero_on_a_history_of_100000_events_equals_the_one_built_live()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var projections = AllProjections();
        var live = projections.Select(p => new ProjectionRunner(p, Events, Views, r => Read(r.Type, r.Data, r.Metadata.SchemaVersion), batchSize: 500)).ToList();
        using var stopLive = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
        var running = live.Select(r => r.RunAsync(stopLive.Token)).ToList();

        var appended = 0;
        var head = Position.Start;
        foreach (var (stream, facts) in GeneratedHistory.Appends(rounds: 100, cases: 300, commitments: 50, statements: 1000, eventsPerStream: 200, eventsPerCase: 250))
        {
            head = (await Events.AppendToStreamAsync(StreamName.Parse(stream), ExpectedRevision.Any, [.. facts.Select(GeneratedHistory.ToEventData)], bound.Token)).Position;
            appended += facts.Count;
        }

        Assert.True(appended >= MinimumEvents, $"the history has {appended} events");

        // the last acknowledged position, not ReadHeadPositionAsync: on PostgreSQL a reader's head may still lag
        // behind while other transactions (here, the projections') are open
        await Task.WhenAll(live.Select(r => r.Watch.WaitForAsync(head, bound.Token)));
        await stopLive.CancelAsync();
        await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        Assert.All(live, r => Assert.Null(r.Status.Failure));
        var builtLive = await ViewSnapshot.TakeAsync(Views, projections, bound.Token);

        foreach (var projection in projections)
        {
            await Views.ResetAsync(projection.Name, projection.Collections, bound.Token);
        }

        Assert.All(await ViewSnapshot.TakeAsync(Views, projections, bound.Token), c => Assert.Empty(c.Value));
        // rebuilt as the server catches up: one shared read and parse of the log for every runner
        var log = new SharedLogReader(Events, r => Read(r.Type, r.Data, r.Metadata.SchemaVersion), projections.Count);
        var rebuild = projections.Select(p => new ProjectionRunner(p, Events, Views, r => Read(r.Type, r.Data, r.Metadata.SchemaVersion), batchSize: 2000, log: log)).ToList();
        using var stopRebuild = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
        var rebuilding = rebuild.Select(r => r.RunAsync(stopRebuild.Token)).ToList();
        await Task.WhenAll(rebuild.Select(r => r.Watch.WaitForAsync(head, bound.Token)));
        await stopRebuild.CancelAsync();
        await Task.WhenAll(rebuilding.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        var rebuilt = await ViewSnapshot.TakeAsync(Views, projections, bound.Token);

        foreach (var (collection, documents) in builtLive)
        {
            var missing = rebuilt[collection].Except(documents).Select(d => d.Id).Take(5);
            var extra = documents.Except(rebuilt[collection]).Select(d => d.Id).Take(5);
            Assert.True(documents.SequenceEqual(rebuilt[collection]), $"{collection}: live has {documents.Count}, rebuilt {rebuilt[collection].Count}; only rebuilt: {string.Join(", ", missing)}; only live: {string.Join(", ", extra)}");
        }

        // the amendments took effect: a retracted statement is gone, a corrected one reads as corrected
        Assert.Null(await Views.GetAsync(StatementsProjection.StatementsCollection, "s00000", bound.Token));
        Assert.Contains("Corrected statement 37", (await Views.GetAsync(StatementsProjection.StatementsCollection, "s00037", bound.Token))!.Json, StringComparison.Ordinal);
        Assert.NotEmpty(builtLive[TopicsProjection.TopicsCollection]);
        Assert.Empty(builtLive[TopicsProjection.MentionsCollection]);
        Assert.Equal(100, builtLive[RoundsProjection.RoundsCollection].Count);
        Assert.Equal(300, builtLive[CaseFilesProjection.CasesCollection].Count);
    }

    [Fact]
    public async Task A_rebuild_stopped_after_some_pages_with_a_batch_applied_but_never_committed_resumes_to_the_views_built_live()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var head = Position.Start;
        foreach (var (stream, facts) in GeneratedHistory.Appends(rounds: 6, cases: 12, commitments: 4, statements: 60, eventsPerStream: 120, eventsPerCase: 150))
        {
            head = (await Events.AppendToStreamAsync(StreamName.Parse(stream), ExpectedRevision.Any, [.. facts.Select(GeneratedHistory.ToEventData)], bound.Token)).Position;
        }

        var builtLive = await BuildAsync(AllProjections(), head, batchSize: 100, bound.Token);
        var projections = AllProjections();
        foreach (var projection in projections)
        {
            await Views.ResetAsync(projection.Name, projection.Collections, bound.Token);
        }

        // some pages of the rebuild committed, as a runner commits them; then a crash in the middle of the next page:
        // every projection applied and flushed it, none committed it
        foreach (var projection in projections)
        {
            for (var page = 0; page < 4; page++)
            {
                await ApplyPageAsync(projection, 300, commit: true, bound.Token);
            }

            await ApplyPageAsync(projection, 700, commit: false, bound.Token);
        }

        // the same projections (what they hold in memory of the uncommitted batch must not count) resume to the head
        var rebuilt = await BuildAsync(projections, head, batchSize: 300, bound.Token);
        foreach (var (collection, documents) in builtLive)
        {
            Assert.True(documents.SequenceEqual(rebuilt[collection]), $"{collection}: live has {documents.Count} documents, the resumed rebuild {rebuilt[collection].Count}, or some differ");
        }

        Assert.NotEmpty(builtLive[TopicsProjection.TopicsCollection]);
    }

    private async Task ApplyPageAsync(IProjection projection, int events, bool commit, CancellationToken cancellationToken)
    {
        await using var transaction = await Views.BeginAsync(projection.Name, cancellationToken);
        var batch = projection.Begin(new BatchStart(transaction.Checkpoint, Events));
        var last = transaction.Checkpoint;
        await foreach (var recorded in Events.ReadAllAsync(transaction.Checkpoint, AllFilter.None, events, cancellationToken))
        {
            batch.Apply(new ProjectedEvent(recorded, Read(recorded.Type, recorded.Data, recorded.Metadata.SchemaVersion)));
            last = recorded.Position;
        }

        await batch.PrepareAsync(cancellationToken);
        await batch.FlushAsync(transaction, cancellationToken);
        if (commit)
        {
            await transaction.CommitAsync(last, cancellationToken);
        }
    }

    private ProjectionRunner Runner(IProjection projection, int batchSize) =>
        new(projection, Events, Views, r => Read(r.Type, r.Data, r.Metadata.SchemaVersion), batchSize: batchSize);

    /// <summary>Runs the projections from their checkpoints to the head, then takes the views.</summary>
    private async Task<Dictionary<string, List<(string Id, string Json, string SortKey, string? SearchText)>>> BuildAsync(IReadOnlyList<IProjection> projections, Position head, int batchSize, CancellationToken cancellationToken)
    {
        var runners = projections.Select(p => Runner(p, batchSize)).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = runners.Select(r => r.RunAsync(stop.Token)).ToList();
        await Task.WhenAll(runners.Select(r => r.Watch.WaitForAsync(head, cancellationToken)));
        await stop.CancelAsync();
        await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        Assert.All(runners, r => Assert.Null(r.Status.Failure));
        return await ViewSnapshot.TakeAsync(Views, projections, cancellationToken);
    }
}
