using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Corrections;

/// <summary>
/// One recorded fact of an entity whose facts may be kept in two streams: its own, and its companion for facts in
/// confidence (<see cref="Streams.ConfidentialMark"/>). An entity's facts are handed over in the order they were
/// recorded (global position), each stream's in revision order from its first.
/// </summary>
/// <param name="InCompanion">Recorded in the companion stream rather than the entity's own.</param>
/// <param name="Fact">The domain event as recorded, amendments included.</param>
public sealed record EntityFact(bool InCompanion, IDomainEvent Fact)
{
    /// <summary>The facts of a single stream (no companion), in revision order.</summary>
    public static IReadOnlyList<EntityFact> Of(IEnumerable<IDomainEvent> history) => [.. history.Select(f => new EntityFact(false, f))];
}

/// <summary>An effective entry of an entity: its place among the entity's facts, its stream, and the entry.</summary>
public sealed record EntityEntry(int Order, bool InCompanion, EffectiveEntry Entry);
