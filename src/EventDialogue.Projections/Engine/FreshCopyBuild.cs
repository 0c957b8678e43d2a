using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// A view built again from the start of the log beside the one in use (under <see cref="FreshCopy"/>'s names), by a
/// runner of its own, until it takes the view's place. Disposed before that, it stops and drops what it built.
/// </summary>
public sealed class FreshCopyBuild : IAsyncDisposable
{
    private readonly IViewStore _views;
    private readonly ProjectionRunner _runner;
    private readonly CheckpointWatch _watch = new();
    private CancellationTokenSource? _stop;
    private Task _running = Task.CompletedTask;
    private bool _replaced;

    private FreshCopyBuild(IProjection projection, IEventStore events, IViewStore views, Func<RecordedEvent, IDomainEvent> read, int batchSize)
    {
        Projection = projection;
        _views = views;
        _runner = new ProjectionRunner([projection], events, new FreshCopyViews(views, [projection.Name], projection.Collections), read, batchSize, [_watch]);
    }

    /// <summary>The instance building the copy: once the copy is in place, what it keeps stands on the view.</summary>
    public IProjection Projection { get; }

    /// <summary>Starts building, from nothing: whatever an earlier build left (a crash, a cancelled call) is dropped first.</summary>
    /// <param name="projection">An instance of its own (<see cref="IProjection.Fresh"/>), not one another runner uses.</param>
    /// <param name="batchSize">The most events one of its transactions applies (<see cref="ProjectionRunner.CatchUpBatchSize"/>).</param>
    public static async Task<FreshCopyBuild> StartAsync(IProjection projection, IEventStore events, IViewStore views, Func<RecordedEvent, IDomainEvent> read, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(views);
        await DropCopyAsync(views, projection, cancellationToken).ConfigureAwait(false);
        var build = new FreshCopyBuild(projection, events, views, read, batchSize);
        build.Run();
        return build;
    }

    /// <summary>Waits until the copy has applied the log up to <paramref name="position"/>.</summary>
    /// <exception cref="ViewRebuildStoppedException">The copy stopped at an event it cannot apply, before the position.</exception>
    public async Task CatchUpAsync(Position position, CancellationToken cancellationToken)
    {
        try
        {
            await _watch.WaitForAsync(position, cancellationToken).ConfigureAwait(false);
        }
        catch (ProjectionStoppedException stopped)
        {
            throw new ViewRebuildStoppedException(Projection.Name, stopped.Failure);
        }
    }

    /// <summary>
    /// Catches up with the view's committed checkpoint, stops, and puts the copy in the view's place; if the view went
    /// on meanwhile (another process runs it), catches up again and retries.
    /// </summary>
    /// <returns>The view's checkpoint now: the copy's.</returns>
    public async Task<Position> ReplaceViewAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await CatchUpAsync(await _views.ReadCheckpointAsync(Projection.Name, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            await StopAsync().ConfigureAwait(false);
            try
            {
                var replaced = await _views.ReplaceWithFreshCopyAsync(Projection.Name, Projection.Collections, cancellationToken).ConfigureAwait(false);
                _replaced = true;
                return replaced;
            }
            catch (FreshCopyBehindException)
            {
                Run();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (!_replaced)
        {
            try
            {
                await DropCopyAsync(_views, Projection, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (StoreFailures.Includes(ex))
            {
                // the store is down: the next build drops it before it starts
            }
        }
    }

    private static Task DropCopyAsync(IViewStore views, IProjection projection, CancellationToken cancellationToken) =>
        views.ResetAsync(FreshCopy.Of(projection.Name), [.. projection.Collections.Select(FreshCopy.Of)], cancellationToken);

    private void Run()
    {
        _stop = new CancellationTokenSource();
        _running = _runner.RunAsync(_stop.Token);
    }

    private async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped on purpose
        }

        _stop.Dispose();
        _stop = null;
    }
}
