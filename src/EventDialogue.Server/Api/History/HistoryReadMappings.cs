using EventDialogue.Api.V1;
using EventDialogue.Server.History.Reads;

namespace EventDialogue.Server.Api.History;

internal static class HistoryReadMappings
{
    public static ReadStreamQuery ToQuery(this ReadStreamRequest request) =>
        new(request.Stream, request.Direction == ReadDirection.Backwards, request.FromRevision, request.FromEnd, request.MaxCount);

    public static ReadAllQuery ToQuery(this ReadAllRequest request) => new(request.AfterPosition, request.Filter.ToLogFilter(), request.MaxCount);

    public static SubscribeQuery ToQuery(this SubscribeRequest request) => new(request.AfterPosition, request.Filter.ToLogFilter(), request.CheckpointIntervalSeconds);

    public static SubscribeResponse ToResponse(this SubscriptionMessage message) => message switch
    {
        SubscribedEvent e => new SubscribeResponse { Event = e.Event.ToHistoryEvent(e.Redacted) },
        SubscriptionCheckpointed c => new SubscribeResponse { Checkpoint = new SubscriptionCheckpoint { Position = c.Position.Value } },
        SubscriptionWentLive l => new SubscribeResponse { CaughtUp = new SubscriptionCaughtUp { Position = l.Head.Value } },
        _ => throw new ArgumentOutOfRangeException(nameof(message), message, "not a subscription message"),
    };

    private static LogFilter ToLogFilter(this HistoryFilter? filter) =>
        filter is null ? new LogFilter([], [], []) : new LogFilter([.. filter.Categories], [.. filter.EventTypes], [.. filter.Streams]);
}
