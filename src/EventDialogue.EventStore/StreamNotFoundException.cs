namespace EventDialogue.EventStore;

public sealed class StreamNotFoundException : Exception
{
    public StreamNotFoundException(StreamName stream)
        : base($"stream '{stream}' does not exist")
    {
        Stream = stream;
    }

    public StreamName Stream { get; }
}
