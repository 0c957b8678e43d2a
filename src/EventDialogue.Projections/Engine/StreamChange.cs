using EventDialogue.EventStore;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// The documents a stream produced before a batch and produces after it, every audience's. <see cref="After"/> carries
/// its tags (the audiences among them); <see cref="Before"/> carries them only where the projection still held the
/// stream in memory, since documents read back from a store come untagged.
/// </summary>
public sealed record StreamChange(StreamName Stream, IReadOnlyList<ViewDocument> Before, IReadOnlyList<ViewDocument> After);
