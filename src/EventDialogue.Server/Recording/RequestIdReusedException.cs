using EventDialogue.EventStore;

namespace EventDialogue.Server.Recording;

/// <summary>
/// A request id that already names a recorded request came with a different request (another stream, another
/// command, or other values). A request id names one request, so this one is refused and records nothing.
/// </summary>
public sealed class RequestIdReusedException(string requestId, StreamName earlierStream, Position earlierPosition)
    : Exception($"request id '{requestId}' was already used for a different request, recorded in '{earlierStream}' at position {earlierPosition.Value}; a retry must repeat that request exactly, a new request needs a new id")
{
    public string RequestId { get; } = requestId;

    public StreamName EarlierStream { get; } = earlierStream;

    public Position EarlierPosition { get; } = earlierPosition;
}
