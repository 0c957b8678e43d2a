using EventDialogue.EventStore;
using Mediator;

namespace EventDialogue.Server.History.Reads;

/// <param name="AfterPosition">Catch up after this position (exclusive).</param>
/// <param name="Filter">Only these events.</param>
/// <param name="CheckpointIntervalSeconds">How often to say where it has read to while no event matches; 0 for the default.</param>
public sealed record SubscribeQuery(long AfterPosition, LogFilter Filter, int CheckpointIntervalSeconds) : IStreamQuery<SubscriptionMessage>;

/// <summary>What a subscriber is sent.</summary>
public abstract record SubscriptionMessage;

/// <summary>An event that matches the subscriber's filter.</summary>
public sealed record SubscribedEvent(RecordedEvent Event, bool Redacted = false) : SubscriptionMessage;

/// <summary>Every event up to here has been read, and sent if it matched: the subscriber may resume after it.</summary>
public sealed record SubscriptionCheckpointed(Position Position) : SubscriptionMessage;

/// <summary>The subscription has read up to the head (here) and follows the log live from now on.</summary>
public sealed record SubscriptionWentLive(Position Head) : SubscriptionMessage;
