using EventDialogue.EventStore;

namespace EventDialogue.Server.History.Reads;

/// <summary>An event of a whole-log read as the caller may see it: whole, or redacted to its position and leaf hash.</summary>
public sealed record LogEntry(RecordedEvent Event, bool Redacted);
