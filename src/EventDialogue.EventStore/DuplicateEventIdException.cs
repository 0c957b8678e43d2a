namespace EventDialogue.EventStore;

/// <summary>
/// An event id in the batch is already stored, but the batch is not a retry of an earlier append:
/// the id belongs to another stream, to a different event, or the batch only partly matches what was written.
/// Nothing was appended.
/// </summary>
public sealed class DuplicateEventIdException : Exception
{
    public DuplicateEventIdException(Guid eventId, string reason)
        : base($"event id {eventId} is already used: {reason}")
    {
        EventId = eventId;
    }

    public Guid EventId { get; }
}
