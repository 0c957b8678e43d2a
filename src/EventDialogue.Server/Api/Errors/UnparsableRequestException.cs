namespace EventDialogue.Server.Api.Errors;

/// <summary>The bytes of a request did not parse as the message its method takes; nothing was done with them.</summary>
public sealed class UnparsableRequestException(string messageType, string reason, Exception inner)
    : Exception($"the request could not be parsed as {messageType}: {reason}", inner)
{
    public string MessageType { get; } = messageType;

    public string Reason { get; } = reason;
}
