namespace EventDialogue.Server.Access;

/// <summary>A security setting or the first admin key stops the start: the message names the setting or file and what is wrong.</summary>
public sealed class AccessStartException : Exception
{
    public AccessStartException()
    {
    }

    public AccessStartException(string message)
        : base(message)
    {
    }

    public AccessStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
