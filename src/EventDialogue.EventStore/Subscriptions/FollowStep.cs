namespace EventDialogue.EventStore.Subscriptions;

/// <summary>What a follower of $all learns, in order: the events that match its filter, and after each read how far it has read.</summary>
public abstract record FollowStep;

/// <summary>An event that matches the filter; every event before it that matches has been given already.</summary>
public sealed record EventMatched(RecordedEvent Event) : FollowStep;

/// <summary>
/// One read of the log is done: it looked at every event after <paramref name="From"/> up to <paramref name="ReadTo"/>
/// (inclusive) and gave each one that matches. <paramref name="Head"/> is the head of the log as it stood when the read
/// began; a follower whose <paramref name="From"/> lies far below it had fallen behind the log.
/// </summary>
public sealed record LogRead(Position From, Position ReadTo, Position Head) : FollowStep
{
    /// <summary>The read reached the head it began with: what follows is new, and comes live.</summary>
    public bool CaughtUp => ReadTo >= Head;

    /// <summary>How many positions the follower was behind the head when the read began.</summary>
    public long Lag => Math.Max(0, Head.Value - From.Value);
}
