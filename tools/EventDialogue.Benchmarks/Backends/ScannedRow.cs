namespace EventDialogue.Benchmarks.Backends;

/// <summary>
/// What the baseline scan materialises for each row: the fields of a recorded event as plain strings and numbers,
/// without the parsing (stream name, metadata JSON, timestamps) that our reader does on top.
/// </summary>
internal sealed record ScannedRow(long Position, Guid EventId, string Stream, long Revision, string Type, string Data, string Metadata, long RecordedAt);
