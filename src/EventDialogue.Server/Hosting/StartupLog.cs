namespace EventDialogue.Server.Hosting;

internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Api} on {Address} ({Setting})")]
    public static partial void Serving(this ILogger logger, string api, string address, string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Also listening on {Address}")]
    public static partial void AlsoListening(this ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event store: {EventStore}, holding {EventCount}")]
    public static partial void EventStore(this ILogger logger, string eventStore, string eventCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Views: {Views}")]
    public static partial void Views(this ILogger logger, string views);

    [LoggerMessage(Level = LogLevel.Critical, Message = "EventDialogue.Server cannot start")]
    public static partial void CannotStart(this ILogger logger, Exception exception);
}
