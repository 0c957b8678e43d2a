namespace EventDialogue.Server.Transport;

/// <summary>The server cannot serve its endpoints safely as configured: the message names the setting and what to do.</summary>
public sealed class TransportStartException : Exception
{
    public TransportStartException()
    {
    }

    public TransportStartException(string message)
        : base(message)
    {
    }

    public TransportStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
