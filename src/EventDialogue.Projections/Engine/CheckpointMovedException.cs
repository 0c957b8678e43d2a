using EventDialogue.EventStore;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// The stored checkpoint is not where this runner left it: another runner of the same projection (another process
/// that believes it leads, or a rebuild) has committed meanwhile. Nothing is written; the runner starts again from
/// the stored checkpoint, so no event is applied twice.
/// </summary>
public sealed class CheckpointMovedException(string projection, Position expected, Position stored)
    : Exception($"the checkpoint of projection {projection} is at {stored}, not at {expected} where this runner left it")
{
    public Position Expected { get; } = expected;

    public Position Stored { get; } = stored;
}
