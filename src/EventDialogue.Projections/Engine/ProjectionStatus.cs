using EventDialogue.EventStore;

namespace EventDialogue.Projections.Engine;

/// <summary>Where a projection is, and why it stopped if it did.</summary>
public sealed record ProjectionStatus(string Name, Position Checkpoint, ProjectionFailure? Failure)
{
    public bool IsHealthy => Failure is null;
}

/// <summary>A poison event: one the projection could not apply. The projection stops before it; nothing is skipped.</summary>
public sealed record ProjectionFailure(Position Position, string EventType, string Stream, string Error);
