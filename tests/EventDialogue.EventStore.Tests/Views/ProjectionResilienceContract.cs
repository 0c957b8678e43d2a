using System.Globalization;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>
/// The projection engine against a real view store that fails: a failure of the store is never taken for a poison
/// event, the runner retries and resumes from its checkpoint by itself; and two runners of one projection (two processes
/// that both believe they lead) never apply an event twice.
/// </summary>
/// <remarks>
/// The fault is real, not simulated: the view-tags table is renamed away under the running projection, so the backend's
/// own driver raises its own error (SqliteException, PostgresException) in the middle of applying an event — where a
/// lost connection strikes too — and is renamed back to end the outage.
/// </remarks>
public abstract class ProjectionResilienceContract : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly CountingProjection _projection = new();

    protected IEventStore Events { get; private set; } = null!;

    protected IViewStore Views { get; private set; } = null!;

    protected abstract Task<(IEventStore Events, IViewStore Views)> OpenAsync();

    /// <summary>Runs SQL on the store's database, from a connection of the test's own.</summary>
    protected abstract Task ExecuteAsync(string sql);

    /// <summary>The view-tags table's name as SQL must give it (schema-qualified where there are schemas).</summary>
    protected abstract string TagsTable { get; }

    public async Task InitializeAsync() => (Events, Views) = await OpenAsync();

    public async Task DisposeAsync()
    {
        await Views.DisposeAsync();
        await Events.DisposeAsync();
    }

    private ProjectionRunner Runner() =>
        new(_projection, Events, Views, CountingProjection.Read, backoff: () => new RetryBackoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(200)));

    [Fact]
    public async Task Given_a_view_store_failing_while_events_are_applied_then_no_event_is_poison_and_the_projection_resumes_once_it_answers()
    {
        using var bound = new CancellationTokenSource(Patience);
        var runner = Runner();
        var retrying = new TaskCompletionSource<ProjectionOutage>(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.Retrying += (outage, _) =>
        {
            // several failed tries in a row, each of which the old engine would have turned into a poison event
            if (outage.Attempt >= 3)
            {
                retrying.TrySetResult(outage);
            }
        };
        var running = runner.RunAsync(bound.Token);
        var before = await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Fixtures.Events.Some(3));
        await runner.Watch.WaitForAsync(before.Position, bound.Token);

        await ExecuteAsync($"ALTER TABLE {TagsTable} RENAME TO view_document_tags_away");
        var during = await Events.AppendToStreamAsync(StreamName.Parse("round-a"), ExpectedRevision.Any, Fixtures.Events.Some(4));
        await retrying.Task.WaitAsync(bound.Token);
        var whileBroken = runner.Status;
        await ExecuteAsync($"ALTER TABLE {TagsTable.Replace("view_document_tags", "view_document_tags_away", StringComparison.Ordinal)} RENAME TO view_document_tags");
        await runner.Watch.WaitForAsync(during.Position, bound.Token);

        Assert.False(running.IsCompleted, $"the runner stopped: {runner.Status}");
        Assert.Null(whileBroken.Failure);
        Assert.NotNull(whileBroken.Outage);
        Assert.Equal(before.Position, whileBroken.Checkpoint);
        Assert.Equal(new ProjectionStatus(_projection.Name, during.Position, null, null), runner.Status);
        Assert.Equal(7, await CountOfAsync("round-a"));
        await bound.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Two_runners_of_one_projection_at_once_apply_each_event_exactly_once()
    {
        using var bound = new CancellationTokenSource(Patience);
        var first = Runner();
        var second = Runner();
        var running = new[] { first.RunAsync(bound.Token), second.RunAsync(bound.Token) };
        Position head = default;
        for (var i = 0; i < 40; i++)
        {
            head = (await Events.AppendToStreamAsync(StreamName.Parse($"case-{i % 4}"), ExpectedRevision.Any, Fixtures.Events.Some(1 + (i % 3)))).Position;
        }

        await first.Watch.WaitForAsync(head, bound.Token);
        await second.Watch.WaitForAsync(head, bound.Token);

        var counts = new List<int>();
        for (var c = 0; c < 4; c++)
        {
            counts.Add(await CountOfAsync($"case-{c}"));
        }

        var expected = Enumerable.Range(0, 4).Select(c => Enumerable.Range(0, 40).Where(i => i % 4 == c).Sum(i => 1 + (i % 3))).ToList();
        Assert.Equal(expected, counts);
        Assert.Equal(head, await Views.ReadCheckpointAsync(_projection.Name));
        await bound.CancelAsync();
        foreach (var run in running)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
    }

    private async Task<int> CountOfAsync(string stream) =>
        int.Parse((await Views.GetAsync(CountingProjection.Counts, stream))!.Json, CultureInfo.InvariantCulture);
}
