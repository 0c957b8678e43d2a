namespace EventDialogue.Server.EventStore;

/// <summary>The EventStore settings cannot work; the message names the setting and what is wrong with it.</summary>
public sealed class EventStoreConfigurationException : Exception
{
    public EventStoreConfigurationException()
    {
    }

    public EventStoreConfigurationException(string message)
        : base(message)
    {
    }

    public EventStoreConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
