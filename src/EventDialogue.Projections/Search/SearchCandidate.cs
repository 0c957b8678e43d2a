namespace EventDialogue.Projections.Search;

/// <summary>
/// What ranking needs of a document a backend found: its place in the collection's order and the terms its text and
/// keywords are indexed by (<see cref="SearchTerms.IndexText"/>), not its JSON, which is read only for the page's hits.
/// </summary>
public sealed record SearchCandidate(string Id, string SortKey, string IndexedTerms);

/// <summary>Every match of a search, best first, with its rank.</summary>
public sealed record Ranking(IReadOnlyList<RankedId> Ids)
{
    public RankedPage Page(int pageSize, int offset) =>
        new([.. Ids.Skip(offset).Take(pageSize)], Ids.Count > offset + pageSize);
}

/// <summary>The ids of a page of ranked candidates, best first, with their ranks; and whether more follow it.</summary>
public sealed record RankedPage(IReadOnlyList<RankedId> Hits, bool More);

public readonly record struct RankedId(string Id, double Rank);
