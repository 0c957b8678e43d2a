namespace EventDialogue.EventStore.Restore;

/// <summary>A restore was refused because the store already holds events: a restore never merges into a log.</summary>
public sealed class StoreNotEmptyException(Position head)
    : InvalidOperationException($"the store is not empty: it holds events up to position {head}; a log is restored only into an empty store")
{
    public Position Head { get; } = head;
}
