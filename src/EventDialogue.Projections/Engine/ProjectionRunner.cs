using System.Runtime.ExceptionServices;
using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// Follows $all from a projection's stored checkpoint and applies each event. Events are applied in batches, each
/// batch committed with its checkpoint in one transaction; a batch ends when it is full or when the subscription has
/// nothing more at hand, so a live view lags by one commit, not by a batch.
/// <para>
/// When the store fails (a database restart, a lost connection), the runner waits with exponential backoff and starts
/// again from the stored checkpoint, for as long as it takes; only an event that cannot be applied stops it.
/// </para>
/// <para>
/// The runners of several projections share one read and one parse of the log while they catch up when they are given
/// the same <see cref="SharedLogReader"/>; without one, the runner reads the log by itself.
/// </para>
/// </summary>
/// <param name="read">The parse of a recorded event into its domain event (a shared <paramref name="log"/> uses its own).</param>
/// <param name="log">A reader of the log shared with other runners; when not given, the runner has its own.</param>
public sealed class ProjectionRunner(
    IProjection projection,
    IEventStore events,
    IViewStore views,
    Func<RecordedEvent, IDomainEvent> read,
    int batchSize = ProjectionRunner.CatchUpBatchSize,
    CheckpointWatch? watch = null,
    Func<RetryBackoff>? backoff = null,
    TimeProvider? clock = null,
    SharedLogReader? log = null)
{
    /// <summary>
    /// The most events one transaction applies. A batch is this big only while catching up (a rebuild, a restart
    /// behind the head): a live view commits whatever is at hand, usually a few events. Big batches make a rebuild
    /// fold, serialise and write each touched stream's documents once per thousands of events rather than per 500.
    /// </summary>
    public const int CatchUpBatchSize = 5000;

    private readonly SharedLogReader _log = log ?? new SharedLogReader(events, read);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly RetryBackoff _backoff = (backoff ?? RetryBackoff.Default)();
    private volatile ProjectionFailure? _failure;
    private volatile ProjectionOutage? _outage;

    /// <summary>The store failed and the runner will try again after the delay it gives.</summary>
    public event Action<ProjectionOutage, Exception>? Retrying;

    /// <summary>The store answers again after an outage; the runner follows from the checkpoint it gives.</summary>
    public event Action<Position>? Resumed;

    public string Name => projection.Name;

    /// <summary>The committed checkpoint; pass one in to keep readers waiting on it across a rebuild.</summary>
    public CheckpointWatch Watch { get; } = watch ?? new CheckpointWatch();

    public ProjectionStatus Status => new(projection.Name, Watch.Checkpoint, _failure, _outage);

    /// <summary>Runs until cancelled, or until an event cannot be applied (see <see cref="Status"/>).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _failure = null;
        while (true)
        {
            var started = _clock.GetTimestamp();
            try
            {
                await FollowAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // A run that followed for a while before failing starts a new outage, not the next step of an old one.
                if (_clock.GetElapsedTime(started) >= _backoff.Cap)
                {
                    _backoff.Reset();
                }

                var delay = _backoff.Next();
                var outage = new ProjectionOutage(ex.Message, _backoff.Attempt, delay);
                _outage = outage;
                Retrying?.Invoke(outage, ex);
                await Task.Delay(delay, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Follows $all from the stored checkpoint; returns at a poison event, throws when the store fails.</summary>
    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await views.ReadCheckpointAsync(projection.Name, cancellationToken).ConfigureAwait(false);
        Watch.Publish(checkpoint);
        if (_outage is not null)
        {
            _outage = null;
            Resumed?.Invoke(checkpoint);
        }

        var committed = new Committed(checkpoint);
        var batch = new List<LoggedEvent>(batchSize);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var subscription = _log.FollowAsync(checkpoint, stop.Token).GetAsyncEnumerator(stop.Token);
        var next = subscription.MoveNextAsync().AsTask();
        try
        {
            while (true)
            {
                if (!next.IsCompleted && batch.Count > 0 && !await CommitAsync(batch, committed, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                if (!await next.ConfigureAwait(false))
                {
                    return;
                }

                batch.Add(subscription.Current);
                next = subscription.MoveNextAsync().AsTask();
                if (batch.Count >= batchSize && !await CommitAsync(batch, committed, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        finally
        {
            // An async iterator cannot be disposed while a read is pending: end the read first.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await next.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException || StoreFailures.Includes(ex))
            {
                // the pending read was ended on purpose, or it had failed with the store, which is what ends this run
            }

            await subscription.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Applies and commits the batch in one transaction. If an event fails in it, the transaction is rolled back and the
    /// batch applied again one event per transaction, so that every event before the poison one is committed and the
    /// failure names the poison event itself. A failure of the store is never the event's: it is thrown, so that the
    /// whole run is tried again later from the stored checkpoint.
    /// </summary>
    /// <returns>False once stopped at a poison event.</returns>
    private async Task<bool> CommitAsync(List<LoggedEvent> batch, Committed committed, CancellationToken cancellationToken)
    {
        try
        {
            var error = await TryApplyAsync(batch, committed, cancellationToken).ConfigureAwait(false);
            if (error is null)
            {
                return true;
            }

            ThrowIfTheStoresFault(error);
            foreach (var logged in batch)
            {
                error = await TryApplyAsync([logged], committed, cancellationToken).ConfigureAwait(false);
                if (error is not null)
                {
                    ThrowIfTheStoresFault(error);
                    var recorded = logged.Recorded;
                    _failure = new ProjectionFailure(recorded.Position, recorded.Type, recorded.Stream.Value, error.Message);
                    Watch.Stop(_failure);
                    return false;
                }
            }

            return true;
        }
        finally
        {
            batch.Clear();
        }
    }

    private static void ThrowIfTheStoresFault(Exception error)
    {
        if (StoreFailures.Includes(error))
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    /// <returns>Null once applied and committed; otherwise what went wrong applying the events, with nothing committed.</returns>
    private async Task<Exception?> TryApplyAsync(List<LoggedEvent> batch, Committed committed, CancellationToken cancellationToken)
    {
        // Parsed, applied and prepared (folded, serialised) before the transaction begins, so that none of it holds a
        // backend's write turn (SQLite has one for the whole file, which the projections would otherwise take in
        // turns); only the events of streams the projection follows are parsed, the rest passed by position.
        IProjectionBatch applying;
        try
        {
            applying = projection.Begin(new BatchStart(committed.Position, events));
            foreach (var logged in batch)
            {
                if (projection.Follows(logged.Recorded.Stream))
                {
                    applying.Apply(new ProjectedEvent(logged.Recorded, logged.Fact));
                }
                else
                {
                    applying.Passed(logged.Recorded.Position);
                }
            }

            await applying.PrepareAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ex;
        }

        var transaction = await views.BeginAsync(projection.Name, cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        if (transaction.Checkpoint != committed.Position)
        {
            // what the batch prepared stands on a checkpoint that is no longer the view's
            throw new CheckpointMovedException(projection.Name, committed.Position, transaction.Checkpoint);
        }

        try
        {
            await applying.FlushAsync(transaction, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // a cancellation is never the event's fault: it ends the run, or (not ours) fails it to be tried again
            return ex;
        }

        var checkpoint = batch[^1].Recorded.Position;
        await transaction.CommitAsync(checkpoint, cancellationToken).ConfigureAwait(false);
        committed.Position = checkpoint;
        _backoff.Reset();
        Watch.Publish(checkpoint);
        return null;
    }

    /// <summary>Where this run has committed up to: what the stored checkpoint must still say when it next begins.</summary>
    private sealed class Committed(Position position)
    {
        public Position Position { get; set; } = position;
    }
}
