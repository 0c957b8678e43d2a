using EventDialogue.EventStore.Tests.Views;
using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Cases;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Projections.Views.Rounds;
using EventDialogue.Projections.Views.Statements;
using EventDialogue.Projections.Views.Topics;

namespace EventDialogue.Server.Tests.Faults;

/// <summary>
/// The views a server kept through its faults, compared document by document with views built from zero out of the
/// same log into an empty store of the same backend: a lost, skipped or twice-applied event shows as a difference.
/// </summary>
internal static class ViewsEqualRebuild
{
    private static IDomainEvent Read(string type, string json, int schemaVersion) => DomainEventJson.Deserialize(type, json, schemaVersion);

    private static IReadOnlyList<IProjection> AllProjections() =>
        [new RoundsProjection(Read), new CaseFilesProjection(Read), new CommitmentsProjection(Read), new StatementsProjection(Read), new TopicsProjection(Read)];

    /// <summary>The server's views must already have reached <paramref name="head"/>, and nothing be written meanwhile.</summary>
    /// <returns>How many documents compared equal.</returns>
    public static async Task<int> AssertAsync(IEventStore events, IViewStore served, IViewStore empty, Position head, CancellationToken cancellationToken)
    {
        var projections = AllProjections();
        var kept = await ViewSnapshot.TakeAsync(served, projections, cancellationToken);
        await Task.WhenAll(projections.Select(projection => RebuildAsync(projection, events, empty, head, cancellationToken)));
        var rebuilt = await ViewSnapshot.TakeAsync(empty, projections, cancellationToken);
        foreach (var (collection, documents) in kept)
        {
            var onlyRebuilt = rebuilt[collection].Except(documents).Select(d => d.Id).Take(5);
            var onlyKept = documents.Except(rebuilt[collection]).Select(d => d.Id).Take(5);
            Assert.True(
                documents.SequenceEqual(rebuilt[collection]),
                $"{collection}: the server kept {documents.Count} documents, the rebuild has {rebuilt[collection].Count}; only rebuilt: {string.Join(", ", onlyRebuilt)}; only kept: {string.Join(", ", onlyKept)}");
        }

        return kept.Values.Sum(documents => documents.Count);
    }

    private static async Task RebuildAsync(IProjection projection, IEventStore events, IViewStore empty, Position head, CancellationToken cancellationToken)
    {
        var runner = new ProjectionRunner(projection, events, empty, r => Read(r.Type, r.Data, r.Metadata.SchemaVersion));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = runner.RunAsync(stop.Token);
        await Task.WhenAny(runner.Watch.WaitForAsync(head, cancellationToken), running);
        await stop.CancelAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.True(runner.Status.Failure is null, $"rebuilding {projection.Name} failed: {runner.Status.Failure}");
        Assert.True(runner.Watch.Checkpoint >= head, $"the rebuild of {projection.Name} stopped at {runner.Watch.Checkpoint}, before {head}");
    }
}
