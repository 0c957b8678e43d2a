using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Server.Recording;

namespace EventDialogue.Server.Views;

/// <summary>
/// Runs every projection in the background, each from its own checkpoint; reports their status (a poison event
/// stops one and is reported here, never skipped), lets readers wait for a position, and rebuilds a view from zero
/// while the server runs.
/// </summary>
public sealed partial class ProjectionHost(IEventStore events, IViewStore views, IEnumerable<IProjection> projections, ILogger<ProjectionHost> logger) : BackgroundService
{
    private readonly Dictionary<string, Slot> _slots = projections.ToDictionary(p => p.Name, p => new Slot(p), StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private CancellationToken _stopping;

    public IReadOnlyList<ProjectionStatus> Statuses
    {
        get
        {
            lock (_gate)
            {
                return [.. _slots.Values.Select(s => s.Runner?.Status ?? new ProjectionStatus(s.Projection.Name, Position.Start, null))];
            }
        }
    }

    public bool Has(string projection) => _slots.ContainsKey(projection);

    /// <summary>Waits until the projection has applied every event up to <paramref name="position"/>.</summary>
    public Task WaitForAsync(string projection, Position position, CancellationToken cancellationToken)
    {
        // the slot's watch outlives its runners, so a reader waiting across a rebuild is released by the new one
        return _slots[projection].Watch.WaitForAsync(position, cancellationToken);
    }

    /// <summary>Drops the view and builds it again from position 0.</summary>
    public async Task RebuildAsync(string projection, CancellationToken cancellationToken)
    {
        var slot = _slots[projection];
        await slot.Rebuilding.WaitAsync(cancellationToken);
        try
        {
            await StopAsync(slot);
            await views.ResetAsync(projection, slot.Projection.Collections, cancellationToken);
            Start(slot);
        }
        finally
        {
            slot.Rebuilding.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        foreach (var slot in _slots.Values)
        {
            Start(slot);
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }

        foreach (var slot in _slots.Values)
        {
            await StopAsync(slot);
        }
    }

    private void Start(Slot slot)
    {
        var runner = new ProjectionRunner(slot.Projection, events, views, r => DomainEventJson.Deserialize(r.Type, r.Data, r.Metadata.SchemaVersion), watch: slot.Watch);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        lock (_gate)
        {
            slot.Runner = runner;
            slot.Stop = stop;
            slot.Running = RunAsync(runner, stop.Token);
        }
    }

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
            // stopped for a rebuild or a shutdown
        }
        catch (Exception ex)
        {
            Crashed(logger, ex, runner.Name);
            throw;
        }
    }

    private static async Task StopAsync(Slot slot)
    {
        if (slot.Stop is null || slot.Running is null)
        {
            return;
        }

        await slot.Stop.CancelAsync();
        try
        {
            await slot.Running;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // already logged by RunAsync; a rebuild starts it afresh
        }

        slot.Stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Projection {Projection} stopped at a poison event: position {Position}, type {EventType}, stream {Stream}: {Error}")]
    private static partial void Poisoned(ILogger logger, string projection, long position, string eventType, string stream, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Projection {Projection} failed")]
    private static partial void Crashed(ILogger logger, Exception exception, string projection);

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
