namespace EventDialogue.EventStore.Sqlite;

/// <summary>Appends to several streams in one transaction of the one writer: see <see cref="IEventStore.AppendToStreamsAsync"/>.</summary>
public sealed partial class SqliteEventStore
{
    public async Task<IReadOnlyList<AppendResult>> AppendToStreamsAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default)
    {
        MultiStreamAppendValidation.Validate(appends);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return AppendAll(appends);
        }
        finally
        {
            _writeGate.Release();
            _appended.Notify();
        }
    }

    /// <remarks>
    /// Each part sees the inserts of the parts before it (the same transaction), so its expected revision is checked
    /// against them; a refused part throws before the commit and the transaction's end undoes every earlier part.
    /// </remarks>
    private List<AppendResult> AppendAll(IReadOnlyList<StreamAppend> appends)
    {
        using var transaction = _writer.BeginTransaction(deferred: false);
        var recorded = new List<RecordedEvent>();
        var results = appends.Select(a => AppendWithin(transaction, a.Stream, a.Expected, a.Events, recorded)).ToList();
        if (recorded.Count > 0)
        {
            _tree.Grow(transaction, recorded);
            transaction.Commit();
            SqliteWalLimit.AfterCommit(_writer);
        }

        return results;
    }
}
