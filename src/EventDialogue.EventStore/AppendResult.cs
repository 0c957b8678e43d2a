namespace EventDialogue.EventStore;

/// <summary>The stream's revision after the append (its last event's) and that event's global position.</summary>
public sealed record AppendResult(StreamName Stream, long NextExpectedRevision, Position Position);
