using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Projections.Coordination;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Server.Views;

/// <summary>
/// Runs every projection in the background while this process leads its group (always, on SQLite); otherwise follows
/// the checkpoints the leader commits. All projections run together in one runner (one read of the log, one view
/// transaction per batch for all of them); a view being rebuilt runs in a runner of its own until the next term, so
/// that the others stay live meanwhile. Reports their status (a poison event stops one and is reported here, never
/// skipped; a failing store is retried), lets readers wait for a position, and rebuilds a view from zero while the
/// server runs.
/// </summary>
public sealed partial class ProjectionHost(
    IEventStore events,
    IViewStore views,
    IEnumerable<IProjection> projections,
    IProjectionCoordination coordination,
    ViewsOptions options,
    ILogger<ProjectionHost> logger) : BackgroundService
{
    private readonly Dictionary<string, Slot> _slots = projections.ToDictionary(p => p.Name, p => new Slot(p), StringComparer.Ordinal);
    private readonly List<Run> _runs = [];
    private readonly Lock _gate = new();
    private CancellationToken _term = new(canceled: true);

    public IReadOnlyList<ProjectionStatus> Statuses
    {
        get
        {
            lock (_gate)
            {
                return [.. _slots.Values.Select(s => RunOf(s)?.Runner.StatusOf(s.Projection.Name) ?? new ProjectionStatus(s.Projection.Name, s.Watch.Checkpoint, null))];
            }
        }
    }

    /// <summary>Whether this process runs the projections now (rather than following another's).</summary>
    public bool IsLeading => !_term.IsCancellationRequested;

    /// <summary>Whether this process hears of the checkpoints the leader commits.</summary>
    public bool IsConnected => coordination.IsConnected;

    public bool Has(string projection) => _slots.ContainsKey(projection);

    /// <summary>The projections' names, which are their views'.</summary>
    public IReadOnlyList<string> Names => [.. _slots.Keys];

    /// <summary>Waits until the projection has applied every event up to <paramref name="position"/>.</summary>
    public Task WaitForAsync(string projection, Position position, CancellationToken cancellationToken)
    {
        // the slot's watch outlives its runners, so a reader waiting across a rebuild or a change of leader is released by the next one
        return _slots[projection].Watch.WaitForAsync(position, cancellationToken);
    }

    /// <summary>
    /// Builds the view again from the start of the log, beside the one in use, and puts it in the view's place once it
    /// has caught up with it (<see cref="IViewStore.ReplaceWithFreshCopyAsync"/>): readers see the whole former view until
    /// then, and the whole new one after, never a view half built; the view goes on following the log meanwhile. Where
    /// this process runs the projections, they pause for the last few events and the swap, then go on together from
    /// the new view's checkpoint. Elsewhere in a group, the copy is put in place once it is not behind the view the
    /// leader keeps, whose runner then goes on from the copy's checkpoint.
    /// </summary>
    /// <returns>The checkpoint of the new view.</returns>
    /// <exception cref="ViewRebuildStoppedException">The copy met an event it cannot apply; it is dropped and the view stays as it was.</exception>
    public async Task<Position> RebuildAsync(string projection, CancellationToken cancellationToken)
    {
        var slot = _slots[projection];
        await slot.Rebuilding.WaitAsync(cancellationToken);
        try
        {
            await using var copy = await FreshCopyBuild.StartAsync(slot.Projection.Fresh(), events, views, ParseRecorded, options.CatchUpBatchSize, cancellationToken);
            await copy.CatchUpAsync(slot.Watch.Checkpoint, cancellationToken);
            Run? paused;
            CancellationToken term;
            lock (_gate)
            {
                paused = RunOf(slot);
                term = _term;
            }

            if (paused is not null)
            {
                await StopAsync(paused);
            }

            try
            {
                var built = await copy.ReplaceViewAsync(cancellationToken);
                slot.Projection = copy.Projection;
                slot.Watch.Advance(built);
                Rebuilt(logger, projection, built.Value);
                return built;
            }
            finally
            {
                // not once the term ended: the next term starts every projection itself
                if (paused is not null && term == _term && !term.IsCancellationRequested)
                {
                    Start(paused.Slots, term);
                }
            }
        }
        finally
        {
            slot.Rebuilding.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        coordination.CheckpointCommitted += CommittedElsewhere;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await LeadOneTermAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
        finally
        {
            coordination.CheckpointCommitted -= CommittedElsewhere;
        }
    }

    /// <summary>Waits to lead, runs the projections until the term ends (lost, or shutting down), then stops them.</summary>
    private async Task LeadOneTermAsync(CancellationToken stoppingToken)
    {
        var leading = coordination.LeadAsync(stoppingToken);
        if (!leading.IsCompleted)
        {
            Following(logger);
        }

        var lost = await leading;
        using var term = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lost);
        lock (_gate)
        {
            _term = term.Token;
        }

        Leading(logger);
        Start([.. _slots.Values], term.Token);
        await Task.Delay(Timeout.Infinite, term.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        List<Run> running;
        lock (_gate)
        {
            running = [.. _runs];
        }

        foreach (var run in running)
        {
            await StopAsync(run);
        }

        if (!stoppingToken.IsCancellationRequested)
        {
            LostLead(logger);
        }
    }

    private void CommittedElsewhere(string projection, Position checkpoint)
    {
        // the leader's own runners know their checkpoints first; notices only move the followers' watches
        if (_slots.TryGetValue(projection, out var slot))
        {
            lock (_gate)
            {
                if (RunOf(slot) is not null)
                {
                    return;
                }
            }

            slot.Watch.Advance(checkpoint);
        }
    }

    /// <summary>The run the slot's projection is in, if any; under the gate.</summary>
    private Run? RunOf(Slot slot) => _runs.FirstOrDefault(r => r.Slots.Contains(slot));

    private void Start(IReadOnlyList<Slot> slots, CancellationToken term)
    {
        var runner = new ProjectionRunner(
            [.. slots.Select(s => s.Projection)], events, views, ParseRecorded, options.CatchUpBatchSize, [.. slots.Select(s => s.Watch)]);
        runner.Retrying += (outage, error) =>
        {
            if (error is CheckpointMovedException)
            {
                CheckpointMoved(logger, runner.Name, outage.RetryIn.TotalSeconds, error.Message);
            }
            else
            {
                StoreFailed(logger, runner.Name, outage.Attempt, outage.RetryIn.TotalSeconds, error.Message);
            }
        };
        runner.Resumed += checkpoint => Resumed(logger, runner.Name, checkpoint.Value);
        runner.Stopped += (projection, failure) => Poisoned(logger, projection, failure.Position.Value, failure.EventType, failure.Stream, failure.Error);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(term);
        lock (_gate)
        {
            _runs.Add(new Run(slots, runner, stop, RunAsync(runner, stop.Token)));
        }
    }

    private static IDomainEvent ParseRecorded(RecordedEvent recorded) =>
        DomainEventJson.Deserialize(recorded.Type, recorded.Data, recorded.Metadata.SchemaVersion);

    private async Task RunAsync(ProjectionRunner runner, CancellationToken cancellationToken)
    {
        // Start calls this under the gate: return to it at once, so that none of the run happens under the gate
        await Task.Yield();
        try
        {
            await runner.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopped for a rebuild, a lost lead or a shutdown
        }
        catch (Exception ex)
        {
            Crashed(logger, ex, runner.Name);
            throw;
        }
    }

    /// <summary>Stops the run once, however many ask (two rebuilds, or a rebuild and the end of a term, may ask together).</summary>
    private Task StopAsync(Run run)
    {
        lock (_gate)
        {
            // begun off the gate: none of the stop runs under it
            return run.Stopping ??= Task.Run(() => StopOnceAsync(run));
        }
    }

    private async Task StopOnceAsync(Run run)
    {
        await run.Stop.CancelAsync();
        try
        {
            await run.Running;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // already logged by RunAsync; a rebuild or the next term starts it afresh
        }

        lock (_gate)
        {
            _runs.Remove(run);
        }

        // A poison event this process met is no longer its to report once it stops running the projection: the next
        // runner (here or in the next leader) meets it again and says so.
        foreach (var slot in run.Slots)
        {
            slot.Watch.Publish(slot.Watch.Checkpoint);
        }

        run.Stop.Dispose();
    }

    /// <summary>A runner of some of the projections, and how to stop it.</summary>
    private sealed record Run(IReadOnlyList<Slot> Slots, ProjectionRunner Runner, CancellationTokenSource Stop, Task Running)
    {
        /// <summary>Its stop, once asked for; under the gate.</summary>
        public Task? Stopping { get; set; }
    }

    private sealed class Slot(IProjection projection)
    {
        /// <summary>The instance runners are given: a rebuild puts in the one that built the new view, whose state stands on it.</summary>
        public IProjection Projection { get; set; } = projection;

        public SemaphoreSlim Rebuilding { get; } = new(1, 1);

        public CheckpointWatch Watch { get; } = new();
    }
}
