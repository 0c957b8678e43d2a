namespace EventDialogue.EventStore.Restore;

/// <summary>
/// What a restore has already stored that a batch could clash with: which of the batch's event ids are taken, and the
/// last revision of each of the batch's streams. Asked per batch, so that a restore's memory does not grow with the log.
/// </summary>
public sealed record RestoreLookup(IReadOnlySet<Guid> TakenIds, IReadOnlyDictionary<string, long> LastRevisions);
