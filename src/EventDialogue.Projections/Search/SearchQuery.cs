namespace EventDialogue.Projections.Search;

/// <summary>
/// A parsed full-text query, the same for every backend: every group of <see cref="Required"/> must match (a group
/// matches when any of its alternatives does: plain words are groups of one, <c>a OR b</c> a group of two), and no
/// phrase of <see cref="Excluded"/> may. Words are search terms already (lower-cased, accents removed, stop words
/// dropped), so a backend only translates the structure.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<IReadOnlyList<SearchPhrase>> Required, IReadOnlyList<SearchPhrase> Excluded)
{
    /// <summary>Parses what a user typed; a malformed query is refused naming what is wrong.</summary>
    public static SearchQuery Parse(string text) => SearchQueryParser.Parse(text);

    /// <summary>Every phrase the query looks for, in the order typed: what a hit is ranked by and highlighted for.</summary>
    public IEnumerable<SearchPhrase> Wanted => Required.SelectMany(group => group);
}

/// <summary>Search terms that must stand next to each other, in order; one term is a plain word.</summary>
public sealed record SearchPhrase(IReadOnlyList<string> Terms)
{
    public override string ToString() => string.Join(' ', Terms);

    public bool Equals(SearchPhrase? other) => other is not null && Terms.SequenceEqual(other.Terms, StringComparer.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
