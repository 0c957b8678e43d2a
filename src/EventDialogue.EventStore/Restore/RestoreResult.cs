namespace EventDialogue.EventStore.Restore;

/// <summary>What a restore stored: how many events, and the position of the last (the start when none).</summary>
public sealed record RestoreResult(long EventCount, Position Head);
