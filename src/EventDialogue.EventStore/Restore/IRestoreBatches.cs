namespace EventDialogue.EventStore.Restore;

/// <summary>A backend's side of a restore, inside its one open transaction.</summary>
public interface IRestoreBatches
{
    /// <summary>What is already stored in this transaction that the batch's ids and streams could clash with.</summary>
    Task<RestoreLookup> LookupAsync(IReadOnlyList<RecordedEvent> batch, CancellationToken cancellationToken);

    /// <summary>Inserts the checked batch as it is: positions, revisions, ids and recording times included.</summary>
    Task InsertAsync(IReadOnlyList<RecordedEvent> batch, CancellationToken cancellationToken);
}
