using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Projections.Coordination;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Server.Views;

/// <summary>
/// Runs every projection in the background, each from its own checkpoint, while this process leads its group (always,
/// on SQLite); otherwise follows the checkpoints the leader commits. Reports their status (a poison event stops one
/// and is reported here, never skipped; a failing store is retried), lets readers wait for a position, and rebuilds a
/// view from zero while the server runs.
/// </summary>
public sealed partial class ProjectionHost(
    IEventStore events,
    IViewStore views,
    IEnumerable<IProjection> projections,
    IProjectionCoordination coordination,
    ILogger<ProjectionHost> logger) : BackgroundService
{
    private readonly Dictionary<string, Slot> _slots = projections.ToDictionary(p => p.Name, p => new Slot(p), StringComparer.Ordinal);
    private readonly Lock _gate = new();

    // one read and one parse of the log for all the runners while they catch up together (at start-up behind the head)
    private readonly SharedLogReader _log = new(events, ParseRecorded, projections.Count());
    private CancellationToken _term = new(canceled: true);

    public IReadOnlyList<ProjectionStatus> Statuses
    {
        get
        {
            lock (_gate)
            {
                return [.. _slots.Values.Select(s => s.Runner?.Status ?? new ProjectionStatus(s.Projection.Name, s.Watch.Checkpoint, null))];
            }
        }
    }

    /// <summary>Whether this process runs the projections now (rather than following another's).</summary>
    public bool IsLeading => !_term.IsCancellationRequested;

    /// <summary>Whether this process hears of the checkpoints the leader commits.</summary>
    public bool IsConnected => coordination.IsConnected;

    public bool Has(string projection) => _slots.ContainsKey(projection);

    /// <summary>Waits until the projection has applied every event up to <paramref name="position"/>.</summary>
    public Task WaitForAsync(string projection, Position position, CancellationToken cancellationToken)
    {
        // the slot's watch outlives its runners, so a reader waiting across a rebuild or a change of leader is released by the next one
        return _slots[projection].Watch.WaitForAsync(position, cancellationToken);
    }

    /// <summary>Drops the view and builds it again from position 0 (in this process, if it leads; otherwise by the leader,
    /// whose next commit finds the checkpoint moved and starts again from it).</summary>
    public async Task RebuildAsync(string projection, CancellationToken cancellationToken)
    {
        var slot = _slots[projection];
        await slot.Rebuilding.WaitAsync(cancellationToken);
        try
        {
            await StopAsync(slot);
            await views.ResetAsync(projection, slot.Projection.Collections, cancellationToken);
            slot.Watch.Publish(Position.Start);
            if (IsLeading)
            {
                Start(slot, _term);
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
        foreach (var slot in _slots.Values)
        {
            Start(slot, term.Token);
        }

        await Task.Delay(Timeout.Infinite, term.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var slot in _slots.Values)
        {
            await StopAsync(slot);
        }

        if (!stoppingToken.IsCancellationRequested)
        {
            LostLead(logger);
        }
    }

    private void CommittedElsewhere(string projection, Position checkpoint)
    {
        // the leader's own runners know their checkpoints first; notices only move the followers' watches
        if (_slots.TryGetValue(projection, out var slot) && slot.Runner is null)
        {
            slot.Watch.Advance(checkpoint);
        }
    }

    private void Start(Slot slot, CancellationToken term)
    {
        var runner = new ProjectionRunner(slot.Projection, events, views, ParseRecorded, watch: slot.Watch, log: _log);
        runner.Retrying += (outage, error) => StoreFailed(logger, runner.Name, outage.Attempt, outage.RetryIn.TotalSeconds, error.Message);
        runner.Resumed += checkpoint => Resumed(logger, runner.Name, checkpoint.Value);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(term);
        lock (_gate)
        {
            slot.Runner = runner;
            slot.Stop = stop;
            slot.Running = RunAsync(runner, stop.Token);
        }
    }

    private static IDomainEvent ParseRecorded(RecordedEvent recorded) =>
        DomainEventJson.Deserialize(recorded.Type, recorded.Data, recorded.Metadata.SchemaVersion);

    private async Task RunAsync(ProjectionRunner runner, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(cancellationToken);
            if (runner.Status.Failure is { } failure)
            {
                Poisoned(logger, runner.Name, failure.Position.Value, failure.EventType, failure.Stream, failure.Error);
            }
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

    private async Task StopAsync(Slot slot)
    {
        Task? running;
        CancellationTokenSource? stop;
        lock (_gate)
        {
            (running, stop) = (slot.Running, slot.Stop);
        }

        if (stop is null || running is null)
        {
            return;
        }

        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // already logged by RunAsync; a rebuild or the next term starts it afresh
        }

        lock (_gate)
        {
            slot.Runner = null;
            slot.Stop = null;
            slot.Running = null;
        }

        // A poison event this process met is no longer its to report once it stops running the projection: the next
        // runner (here or in the next leader) meets it again and says so.
        slot.Watch.Publish(slot.Watch.Checkpoint);
        stop.Dispose();
    }

    private sealed class Slot(IProjection projection)
    {
        public IProjection Projection { get; } = projection;

        public ProjectionRunner? Runner { get; set; }

        public CancellationTokenSource? Stop { get; set; }

        public Task? Running { get; set; }

        public SemaphoreSlim Rebuilding { get; } = new(1, 1);

        public CheckpointWatch Watch { get; } = new();
    }
}
