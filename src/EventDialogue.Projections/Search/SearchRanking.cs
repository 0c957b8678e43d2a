using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Search;

/// <summary>
/// Orders the documents a backend found for a query, the same way on every backend: by rank, highest first, then by
/// the collection's own order (sort key, then id). The rank is the number of times the query's wanted words and
/// phrases occur in the document's text and keywords, divided by the square root of how many searchable words
/// (stop words left out) they hold: more matches rank higher, and a match in a short text higher than in a long one.
/// </summary>
/// <remarks>
/// In two steps, so that a call's cost per match stays small however many documents match: <see cref="RankAll"/> ranks
/// every match from its sort key and indexed terms alone, and <see cref="Page"/> highlights only the page's hits,
/// whose documents the backend reads by id in between (in the same snapshot).
/// </remarks>
public static class SearchRanking
{
    /// <summary>Every candidate's id and rank, in the search's order: what a page is taken from, and what is kept (<see cref="KeptRankings"/>).</summary>
    public static Ranking RankAll(SearchQuery query, IReadOnlyList<SearchCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        var counter = new SearchCounter(query);
        return new Ranking([.. candidates
            .Select(candidate => (Candidate: candidate, Rank: RankOf(counter, candidate)))
            .OrderByDescending(ranked => ranked.Rank)
            .ThenBy(ranked => ranked.Candidate.SortKey, StringComparer.Ordinal)
            .ThenBy(ranked => ranked.Candidate.Id, StringComparer.Ordinal)
            .Select(ranked => new RankedId(ranked.Candidate.Id, ranked.Rank))]);
    }

    /// <summary>The page's hits, highlighted, from its documents read by id (in any order).</summary>
    public static ViewPage Page(SearchQuery query, RankedPage ranked, IReadOnlyList<ViewDocument> documents, int pageSize, int offset)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(documents);
        var byId = documents.ToDictionary(document => document.Id, StringComparer.Ordinal);
        var counter = new SearchCounter(query);
        var hits = ranked.Hits.Select(hit => byId.TryGetValue(hit.Id, out var document)
                ? Hit(counter, document, hit.Rank)
                : throw new InvalidOperationException($"the ranked document '{hit.Id}' was not read back: the two reads of a search must share one snapshot"))
            .ToList();
        return new ViewPage(hits, ranked.More ? new ViewCursor(string.Empty, string.Empty, offset + pageSize) : null);
    }

    private static double RankOf(SearchCounter counter, SearchCandidate candidate)
    {
        var (occurrences, terms) = counter.CountIndexed(candidate.IndexedTerms);
        return terms == 0 ? 0 : Math.Round(occurrences / Math.Sqrt(terms), 6);
    }

    private static ViewHit Hit(SearchCounter counter, ViewDocument document, double rank)
    {
        var text = counter.Match(document.SearchText ?? string.Empty);
        var keywords = (document.SearchKeywords ?? []).Select(counter.Match).ToList();
        return new ViewHit(document, rank, text.Highlighted, [.. keywords.Where(k => k.Occurrences > 0).Select(k => k.Highlighted)]);
    }
}
