namespace EventDialogue.EventStore;

/// <summary>The caller asked for something malformed; nothing was read or written. Names the field and why.</summary>
public sealed class InvalidStoreRequestException : ArgumentException
{
    public InvalidStoreRequestException(string field, string reason)
        : base($"{field}: {reason}", field)
    {
        Field = field;
        Reason = reason;
    }

    public string Field { get; }

    public string Reason { get; }
}
