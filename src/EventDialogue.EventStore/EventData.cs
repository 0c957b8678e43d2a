namespace EventDialogue.EventStore;

/// <summary>An event to append: its id makes the append idempotent, its type is a stable string name, its data JSON.</summary>
public sealed record EventData(Guid EventId, string Type, string Data, EventMetadata Metadata);
