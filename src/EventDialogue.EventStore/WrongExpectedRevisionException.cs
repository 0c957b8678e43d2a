namespace EventDialogue.EventStore;

/// <summary>The stream was not in the state the writer expected; nothing was appended.</summary>
public sealed class WrongExpectedRevisionException : Exception
{
    public WrongExpectedRevisionException(StreamName stream, ExpectedRevision expected, long? actual)
        : base($"stream '{stream}' was expected at revision {expected} but is {(actual is null ? "absent (no stream)" : $"at revision {actual}")}")
    {
        Stream = stream;
        Expected = expected;
        ActualRevision = actual;
    }

    public StreamName Stream { get; }

    public ExpectedRevision Expected { get; }

    /// <summary>The stream's current last revision, or null when the stream does not exist.</summary>
    public long? ActualRevision { get; }
}
