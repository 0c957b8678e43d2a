using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Search;

/// <summary>
/// Orders the documents a backend found for a query, the same way on every backend: by rank, highest first, then by
/// the collection's own order (sort key, then id). The rank is the number of times the query's wanted words and
/// phrases occur in the document's text and keywords, divided by the square root of how many searchable words
/// (stop words left out) they hold: more matches rank higher, and a match in a short text higher than in a long one.
/// </summary>
public static class SearchRanking
{
    public static ViewPage Page(SearchQuery query, IReadOnlyList<ViewDocument> found, int pageSize, int offset)
    {
        ArgumentNullException.ThrowIfNull(found);
        var ranked = found
            .Select(document => Hit(query, document))
            .OrderByDescending(hit => hit.Rank)
            .ThenBy(hit => hit.Document.SortKey, StringComparer.Ordinal)
            .ThenBy(hit => hit.Document.Id, StringComparer.Ordinal)
            .ToList();
        var page = ranked.Skip(offset).Take(pageSize).ToList();
        return new ViewPage(page, ranked.Count > offset + pageSize ? new ViewCursor(string.Empty, string.Empty, offset + pageSize) : null);
    }

    private static ViewHit Hit(SearchQuery query, ViewDocument document)
    {
        var text = SearchMatch.Of(query, document.SearchText ?? string.Empty);
        var keywords = (document.SearchKeywords ?? []).Select(k => SearchMatch.Of(query, k)).ToList();
        var occurrences = text.Occurrences + keywords.Sum(k => k.Occurrences);
        var terms = text.Terms + keywords.Sum(k => k.Terms);
        var rank = terms == 0 ? 0 : Math.Round(occurrences / Math.Sqrt(terms), 6);
        return new ViewHit(document, rank, text.Highlighted, [.. keywords.Where(k => k.Occurrences > 0).Select(k => k.Highlighted)]);
    }
}
