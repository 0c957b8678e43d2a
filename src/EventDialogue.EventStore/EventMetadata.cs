namespace EventDialogue.EventStore;

/// <summary>Who recorded an event and why; stored as the event's JSON metadata.</summary>
/// <param name="RecordedBy">The caller's identity; never blank.</param>
/// <param name="CorrelationId">Ties together everything done for one request or import.</param>
/// <param name="CausationId">The message (command or event) that caused this event, if any.</param>
/// <param name="SchemaVersion">The version of the event's data shape, so that old shapes can be upcast on read.</param>
/// <param name="RequestFingerprint">
/// A digest of what the request that recorded the event asked for, so that a later request under the same request id
/// can be told apart from a retry; null on events recorded before fingerprints were kept.
/// </param>
public sealed record EventMetadata(string RecordedBy, string CorrelationId, string? CausationId = null, int SchemaVersion = 1, string? RequestFingerprint = null);
