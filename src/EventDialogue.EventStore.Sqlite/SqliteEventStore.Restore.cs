using EventDialogue.EventStore.Restore;

namespace EventDialogue.EventStore.Sqlite;

/// <summary>
/// The restore holds the file's write turn for its whole transaction, as an append does for its own: positions are
/// written in order by the one writer, so a reader of $all sees the restored log all at once, at its commit. The tree of
/// the restored events is built in the same transaction, from the events as stored.
/// </summary>
public sealed partial class SqliteEventStore : IEventStoreRestore
{
    public async Task<RestoreResult> RestoreAsync(IAsyncEnumerable<RecordedEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _writer.BeginTransaction(deferred: false);
            using var batches = new SqliteRestoreBatches(_writer, transaction);
            if (batches.Head() is { } head)
            {
                throw new StoreNotEmptyException(head);
            }

            var result = await RestoreRun.RunAsync(events, batches, cancellationToken).ConfigureAwait(false);
            _tree.GrowToEveryEvent(transaction);
            transaction.Commit();
            SqliteWalLimit.AfterCommit(_writer);
            return result;
        }
        finally
        {
            _writeGate.Release();
            _appended.Notify();
        }
    }
}
