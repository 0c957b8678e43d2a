namespace EventDialogue.Server.EventStore;

internal static partial class EventStoreLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Event store: {EventStore}")]
    public static partial void UsingEventStore(this ILogger logger, string eventStore);
}
