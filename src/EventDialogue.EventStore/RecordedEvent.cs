namespace EventDialogue.EventStore;

/// <summary>An event as stored: what was appended, plus where and when the store put it.</summary>
public sealed record RecordedEvent(
    Guid EventId,
    string Type,
    StreamName Stream,
    long Revision,
    Position Position,
    DateTimeOffset RecordedAt,
    string Data,
    EventMetadata Metadata);
