using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// Follows $all from a projection's stored checkpoint and applies each event. Events are applied in batches, each
/// batch committed with its checkpoint in one transaction; a batch ends when it is full or when the subscription has
/// nothing more at hand, so a live view lags by one commit, not by a batch.
/// </summary>
public sealed class ProjectionRunner(IProjection projection, IEventStore events, IViewStore views, Func<RecordedEvent, IDomainEvent> read, int batchSize = 500, CheckpointWatch? watch = null)
{
    private volatile ProjectionFailure? _failure;

    public string Name => projection.Name;

    /// <summary>The committed checkpoint; pass one in to keep readers waiting on it across a rebuild.</summary>
    public CheckpointWatch Watch { get; } = watch ?? new CheckpointWatch();

    public ProjectionStatus Status => new(projection.Name, Watch.Checkpoint, _failure);

    /// <summary>Runs until cancelled, or until an event cannot be applied (see <see cref="Status"/>).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await views.ReadCheckpointAsync(projection.Name, cancellationToken).ConfigureAwait(false);
        Watch.Publish(checkpoint);
        _failure = null;
        var batch = new List<RecordedEvent>(batchSize);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var subscription = events.SubscribeToAllAsync(checkpoint, AllFilter.None, stop.Token).GetAsyncEnumerator(stop.Token);
        var next = subscription.MoveNextAsync().AsTask();
        try
        {
            while (true)
            {
                if (!next.IsCompleted && batch.Count > 0 && !await CommitAsync(batch, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                if (!await next.ConfigureAwait(false))
                {
                    return;
                }

                batch.Add(subscription.Current);
                next = subscription.MoveNextAsync().AsTask();
                if (batch.Count >= batchSize && !await CommitAsync(batch, cancellationToken).ConfigureAwait(false))
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
            catch (OperationCanceledException)
            {
                // the pending read was ended on purpose
            }

            await subscription.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Applies and commits the batch in one transaction. If anything in it fails, the transaction is rolled back and the
    /// batch applied again one event per transaction, so that every event before the poison one is committed and the
    /// failure names the poison event itself.
    /// </summary>
    private async Task<bool> CommitAsync(List<RecordedEvent> batch, CancellationToken cancellationToken)
    {
        try
        {
            if (await TryApplyAsync(batch, cancellationToken).ConfigureAwait(false) is null)
            {
                return true;
            }

            foreach (var recorded in batch)
            {
                if (await TryApplyAsync([recorded], cancellationToken).ConfigureAwait(false) is { } error)
                {
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

    /// <returns>Null once applied and committed; otherwise what went wrong, with nothing committed.</returns>
    private async Task<Exception?> TryApplyAsync(IReadOnlyList<RecordedEvent> batch, CancellationToken cancellationToken)
    {
        await using var transaction = await views.BeginAsync(projection.Name, cancellationToken).ConfigureAwait(false);
        try
        {
            var applying = projection.Begin(transaction);
            foreach (var recorded in batch)
            {
                await applying.ApplyAsync(new ProjectedEvent(recorded, read(recorded)), cancellationToken).ConfigureAwait(false);
            }

            await applying.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ex;
        }

        var checkpoint = batch[^1].Position;
        await transaction.CommitAsync(checkpoint, cancellationToken).ConfigureAwait(false);
        Watch.Publish(checkpoint);
        return null;
    }
}
