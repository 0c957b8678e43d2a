using EventDialogue.Projections.Search;

namespace EventDialogue.EventStore.Sqlite.Views;

/// <summary>
/// A parsed query as an FTS5 MATCH expression over the indexed terms: groups AND-ed, alternatives OR-ed, each word or
/// phrase a quoted FTS5 phrase, exclusions NOT-ed. Terms are spelled as they were indexed (ASCII letters and digits
/// only), so nothing a user typed reaches FTS5's own syntax.
/// </summary>
internal static class Fts5Match
{
    public static string Of(SearchQuery query)
    {
        var wanted = string.Join(" AND ", query.Required.Select(group => $"({string.Join(" OR ", group.Select(Phrase))})"));
        return query.Excluded.Aggregate($"({wanted})", (expression, phrase) => $"{expression} NOT {Phrase(phrase)}");
    }

    private static string Phrase(SearchPhrase phrase) => $"\"{string.Join(' ', phrase.Terms.Select(SearchTerms.Indexed))}\"";
}
