namespace EventDialogue.Projections.Storage;

/// <summary>
/// Reads that answer one call together (e.g. a round, its cases and commitments, its statements' count): documents by
/// key, documents found by tags (<see cref="IViewStore.FindAsync"/>) and counts by tags
/// (<see cref="IViewStore.CountAsync"/>), made on one connection and, where the database allows, in one round trip.
/// </summary>
public sealed record ViewReads(IReadOnlyList<ViewKey> Gets, IReadOnlyList<ViewTagged> Finds, IReadOnlyList<ViewTagged> Counts);

/// <summary>The key of one document.</summary>
public sealed record ViewKey(string Collection, string Id);

/// <summary>The documents of a collection that carry all the tags (at least one; the rarest first).</summary>
public sealed record ViewTagged(string Collection, IReadOnlyList<ViewTag> Tags);

/// <summary>What <see cref="ViewReads"/> read, each list in the order of its reads: a document or null per key, the documents per find, a count per count.</summary>
public sealed record ViewReadResults(IReadOnlyList<ViewDocument?> Gotten, IReadOnlyList<IReadOnlyList<ViewDocument>> Found, IReadOnlyList<int> Counted);
