namespace EventDialogue.EventStore.GroupCommit;

/// <summary>
/// Lets the concurrent appends of one process share a transaction, and so one commit and one WAL flush (group commit).
/// <para>
/// Both backends append one transaction at a time and hold their turn to the commit (PostgreSQL's append lock, SQLite's
/// one writer), so transactions that each append alone commit one after another, each waiting for its own flush. Here an append joins the queue; if no caller is
/// committing, it takes the turn at once and commits the queue (itself alone, when writing alone: no wait, no timer).
/// Appends that arrive meanwhile wait; when that commit is done, every caller in it has its outcome and the turn passes
/// to the oldest waiting caller, which commits everything that queued while the last commit ran.
/// </para>
/// <para>
/// A caller cancelled while its append waits leaves the queue and nothing is written. Once its group has taken it, the
/// append completes, so that a caller never gives up on an append that may yet commit.
/// </para>
/// </summary>
internal sealed class AppendQueue(Func<IReadOnlyList<PendingAppend>, Task> commitTogether)
{
    private readonly Lock _gate = new();
    private readonly List<PendingAppend> _waiting = [];
    private bool _turnHeld;

    public async Task<AppendResult> AppendAsync(PendingAppend append, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _waiting.Add(append);
            if (!_turnHeld)
            {
                _turnHeld = true;
                append.Turn.SetResult();
            }
        }

        IReadOnlyList<PendingAppend>? group;
        using (cancellationToken.Register(() => Withdraw(append, cancellationToken)))
        {
            await Task.WhenAny(append.Outcome, append.Turn.Task).ConfigureAwait(false);
            group = TakeTheQueue(append);
        }

        if (group is not null)
        {
            await CommitAsync(group).ConfigureAwait(false);
        }

        return await append.Outcome.ConfigureAwait(false);
    }

    /// <summary>Every waiting append, taken, if this caller holds the turn (it may have been cancelled meanwhile).</summary>
    private List<PendingAppend>? TakeTheQueue(PendingAppend append)
    {
        lock (_gate)
        {
            if (!append.Turn.Task.IsCompleted || append.Outcome.IsCompleted)
            {
                return null;
            }

            var group = _waiting.ToList();
            _waiting.Clear();
            foreach (var taken in group)
            {
                taken.Taken = true;
            }

            return group;
        }
    }

    private async Task CommitAsync(IReadOnlyList<PendingAppend> group)
    {
        try
        {
            await commitTogether(group).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // the commit answers each append itself; this is only so that no caller can be left waiting forever
            foreach (var append in group)
            {
                append.Fail(ex);
            }
        }
        finally
        {
            foreach (var append in group.Where(a => !a.Outcome.IsCompleted))
            {
                append.Fail(new InvalidOperationException("the append's group ended without an outcome for it"));
            }

            lock (_gate)
            {
                PassTheTurn();
            }
        }
    }

    private void Withdraw(PendingAppend append, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (append.Taken || !_waiting.Remove(append))
            {
                return;
            }

            append.Cancel(cancellationToken);
            if (append.Turn.Task.IsCompleted)
            {
                PassTheTurn();
            }
        }
    }

    /// <summary>Under the lock: the oldest waiting caller commits next, or the next append to arrive does.</summary>
    private void PassTheTurn()
    {
        if (_waiting.Count > 0)
        {
            _waiting[0].Turn.TrySetResult();
        }
        else
        {
            _turnHeld = false;
        }
    }
}
