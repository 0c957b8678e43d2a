using EventDialogue.EventStore.GroupCommit;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite;

/// <summary>
/// Concurrent appends committed together. Every commit waits for the disk (synchronous=FULL), and it does so holding
/// the file's one write turn, which the views' transactions wait for too: one flush per append made eight clients
/// queue behind each other's flushes (3–8 ms each on a busy machine). Appends that arrive while a group commits wait,
/// and the next group takes all of them in one transaction and one flush (see <see cref="AppendQueue"/>); an append
/// that finds nobody committing commits at once, alone.
/// </summary>
public sealed partial class SqliteEventStore
{
    private long _appendCommits;

    /// <summary>How many transactions the appends have committed so far: fewer than the appends when some shared one.</summary>
    internal long AppendCommits => Interlocked.Read(ref _appendCommits);

    private async Task CommitTogetherAsync(IReadOnlyList<PendingAppend> group)
    {
        // Not cancellable: once a group has taken an append, the append completes.
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            CommitTogether(group);
        }
        finally
        {
            _writeGate.Release();
            _appended.Notify();
        }
    }

    /// <summary>
    /// Each append is judged as if it came alone, in the order the appends queued: it sees what the group's earlier
    /// appends wrote (so two appends to one stream get consecutive revisions), and one that is refused (a wrong expected
    /// revision, an event id taken by another write) or fails in SQLite is rolled back to its savepoint and fails
    /// alone, writing nothing. The answers wait for the commit; if the commit fails, every append not yet refused fails.
    /// </summary>
    private void CommitTogether(IReadOnlyList<PendingAppend> group)
    {
        using var transaction = _writer.BeginTransaction(deferred: false);
        var recorded = new List<RecordedEvent>();
        var written = new List<(PendingAppend Append, AppendResult Result)>(group.Count);
        foreach (var append in group)
        {
            var own = new List<RecordedEvent>(append.Events.Count);
            transaction.Save(AppendSavepoint);
            try
            {
                written.Add((append, AppendWithin(transaction, append.Stream, append.Expected, append.Events, own)));
                transaction.Release(AppendSavepoint);
                recorded.AddRange(own);
            }
            catch (Exception refused) when (refused is WrongExpectedRevisionException or DuplicateEventIdException or SqliteException)
            {
                if (!RolledBackToSavepoint(transaction))
                {
                    // SQLite rolled the whole transaction back itself (it does on a full disk): the group fails with it
                    throw;
                }

                append.Fail(refused);
            }
        }

        if (recorded.Count > 0)
        {
            _tree.Grow(transaction, recorded);
            transaction.Commit();
            Interlocked.Increment(ref _appendCommits);
            SqliteWalLimit.AfterCommit(_writer);
        }

        foreach (var (append, result) in written)
        {
            append.Succeed(result);
        }
    }

    /// <returns>False when there is no transaction left to roll back to a savepoint of.</returns>
    private static bool RolledBackToSavepoint(SqliteTransaction transaction)
    {
        try
        {
            transaction.Rollback(AppendSavepoint);
            transaction.Release(AppendSavepoint);
            return true;
        }
        catch (Exception gone) when (gone is SqliteException or InvalidOperationException)
        {
            return false;
        }
    }

    private const string AppendSavepoint = "append";
}
