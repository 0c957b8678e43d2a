namespace EventDialogue.EventStore;

/// <summary>The store has no room for the append (a full disk, or a size cap reached); nothing was appended.</summary>
public sealed class StoreFullException : Exception
{
    public StoreFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
