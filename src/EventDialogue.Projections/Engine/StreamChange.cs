using EventDialogue.EventStore;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// The documents a stream produced before a batch and produces after it, every audience's, each with its tags (the
/// audiences among them): both are folded from the stream's facts.
/// </summary>
public sealed record StreamChange(StreamName Stream, IReadOnlyList<ViewDocument> Before, IReadOnlyList<ViewDocument> After);
