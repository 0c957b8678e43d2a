using EventDialogue.EventStore;

namespace EventDialogue.Server.Api.EventStoreDb;

/// <summary>What a read or subscription of EventStoreDB's protocol answers, one message at a time.</summary>
public abstract record ReadItem
{
    private ReadItem()
    {
    }

    public sealed record Recorded(RecordedEvent Value) : ReadItem;

    public sealed record StreamNotFound(string Stream) : ReadItem;

    public sealed record Confirmation(string SubscriptionId) : ReadItem;

    /// <summary>A filtered subscription has looked at $all up to here, whether or not anything passed the filter.</summary>
    public sealed record Checkpoint(Position Position) : ReadItem;

    public sealed record CaughtUp : ReadItem;
}
