namespace EventDialogue.Projections.Search;

/// <summary>
/// What ranking needs of a document a backend found: its place in the collection's order and its searched text and
/// keywords, not its JSON, which is read only for the page's hits.
/// </summary>
public sealed record SearchCandidate(string Id, string SortKey, string? SearchText, IReadOnlyList<string>? SearchKeywords);

/// <summary>The ids of a page of ranked candidates, best first, with their ranks; and whether more follow it.</summary>
public sealed record RankedPage(IReadOnlyList<RankedId> Hits, bool More);

public readonly record struct RankedId(string Id, double Rank);
