namespace EventDialogue.Projections.Search;

/// <summary>
/// How one text matched a query, worked out in our code rather than by a backend, so that highlights and ranks are
/// the same on every backend: each word of an occurrence of a wanted word or phrase is wrapped in [ and ] (stop words
/// inside a phrase are not), and the occurrences are counted — by the <see cref="SearchCounter"/> that ranks, so that
/// a page is shown by the reading it was ranked by.
/// </summary>
public sealed record SearchMatch(string Highlighted, int Occurrences, int Terms)
{
    public static SearchMatch Of(SearchQuery query, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SearchCounter(query).Match(text);
    }
}
