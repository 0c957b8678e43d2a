namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>A server clock that stands still, so recorded-at can be asserted exactly.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
