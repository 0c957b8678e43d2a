using EventDialogue.Projections.Search;

namespace EventDialogue.EventStore.Postgres.Views;

/// <summary>
/// A parsed query as a tsquery over the indexed terms: groups AND-ed (&amp;), alternatives OR-ed (|), phrases with
/// &lt;-&gt;, exclusions negated (!). Terms are spelled as they were indexed (ASCII letters and digits only), so they
/// are plain quoted lexemes and nothing a user typed reaches tsquery's own syntax.
/// </summary>
internal static class TsQuery
{
    public static string Of(SearchQuery query)
    {
        var wanted = query.Required.Select(group => $"({string.Join(" | ", group.Select(Phrase))})");
        var unwanted = query.Excluded.Select(phrase => $"!({Phrase(phrase)})");
        return string.Join(" & ", wanted.Concat(unwanted));
    }

    private static string Phrase(SearchPhrase phrase) => string.Join(" <-> ", phrase.Terms.Select(t => $"'{SearchTerms.Indexed(t)}'"));
}
