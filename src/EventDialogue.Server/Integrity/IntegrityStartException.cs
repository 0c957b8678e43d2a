namespace EventDialogue.Server.Integrity;

/// <summary>The server cannot sign its log as configured: the message names the setting or file and what is wrong.</summary>
public sealed class IntegrityStartException : Exception
{
    public IntegrityStartException()
    {
    }

    public IntegrityStartException(string message)
        : base(message)
    {
    }

    public IntegrityStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
