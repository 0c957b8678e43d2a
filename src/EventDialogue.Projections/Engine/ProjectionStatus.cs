using EventDialogue.EventStore;

namespace EventDialogue.Projections.Engine;

/// <summary>Where a projection is, and why it is not following $all if it is not.</summary>
public sealed record ProjectionStatus(string Name, Position Checkpoint, ProjectionFailure? Failure, ProjectionOutage? Outage = null)
{
    /// <summary>Following $all: neither stopped at a poison event nor waiting for its store to answer again.</summary>
    public bool IsHealthy => Failure is null && Outage is null;
}

/// <summary>A poison event: one the projection could not apply. The projection stops before it; nothing is skipped.</summary>
public sealed record ProjectionFailure(Position Position, string EventType, string Stream, string Error);

/// <summary>
/// The store (events or views) failed, not an event: the projection waits and tries again from its stored checkpoint.
/// </summary>
/// <param name="Error">What the store said the last time.</param>
/// <param name="Attempt">How many tries in a row have failed.</param>
/// <param name="RetryIn">How long until the next try.</param>
public sealed record ProjectionOutage(string Error, int Attempt, TimeSpan RetryIn);
