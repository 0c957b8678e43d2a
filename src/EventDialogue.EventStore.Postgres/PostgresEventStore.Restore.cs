using EventDialogue.EventStore.Restore;

namespace EventDialogue.EventStore.Postgres;

/// <summary>
/// A restore keeps the promise that a reader of $all never skips an event (see the class's main comment) by another
/// road than an append: it locks the events table against every other writer for its whole transaction. An append
/// that arrives meanwhile waits at its INSERT, which is where it would take its transaction id and positions; so it
/// gets both only after the restore has committed — a later id, and positions after the restored head, once the
/// restore has moved the position sequence there. It takes the append lock first, as an append does, and builds
/// the tree of the restored events in the same transaction. Readers are not locked out: they see the restored log all at once.
/// </summary>
public sealed partial class PostgresEventStore : IEventStoreRestore
{
    public async Task<RestoreResult> RestoreAsync(IAsyncEnumerable<RecordedEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        RestoreResult result;
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var batches = new PostgresRestoreBatches(connection, transaction, _schema);
            if (await batches.LockAndReadHeadAsync(cancellationToken).ConfigureAwait(false) is { } head)
            {
                throw new StoreNotEmptyException(head);
            }

            result = await RestoreRun.RunAsync(events, batches, cancellationToken).ConfigureAwait(false);
            await _tree.GrowToEveryEventAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await batches.MovePositionsPastAsync(result.Head, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        _notifier.Appended();
        _appended.Notify();
        return result;
    }
}
