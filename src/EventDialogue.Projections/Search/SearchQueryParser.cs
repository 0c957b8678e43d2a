using EventDialogue.Domain.Common;

namespace EventDialogue.Projections.Search;

/// <summary>
/// The query language, one for every backend: plain words must all match; "a phrase" matches its words in order;
/// <c>a OR b</c> (OR in capitals) matches either side; <c>-word</c> or <c>-"a phrase"</c> excludes. Stop words are
/// dropped (inside a phrase too, so "rule of law" finds "rule of law"); a word written with inner punctuation, like
/// U.S.-China, is a phrase of its parts. Malformed queries are refused naming the problem, as INVALID_ARGUMENT on
/// the field <c>query</c>.
/// </summary>
internal static class SearchQueryParser
{
    private const string Field = "query";

    public static SearchQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var items = Lex(text);
        if (items.Count == 0)
        {
            throw DomainException.Invalid(Field, "the query is empty: type at least one word to search for");
        }

        var (required, excluded) = Group(items);
        var wanted = required
            .Select(group => group.Select(Phrase).Where(p => p.Terms.Count > 0).Distinct().ToList())
            .Where(group => group.Count > 0)
            .Select(group => (IReadOnlyList<SearchPhrase>)group)
            .ToList();
        var unwanted = excluded.Select(Phrase).Where(p => p.Terms.Count > 0).Distinct().ToList();
        if (wanted.Count > 0)
        {
            return new SearchQuery(wanted, unwanted);
        }

        throw required.Count == 0
            ? DomainException.Invalid(Field, $"the query '{text}' only excludes (-word): name at least one word to search for")
            : DomainException.Invalid(Field, $"the query '{text}' has nothing to search for but stop words (such as 'the' or 'of') and punctuation: add a word that says what to find");
    }

    private static SearchPhrase Phrase(Item item) => new(SearchTerms.Searchable(item.Text));

    /// <summary>Plain and quoted words into AND-ed groups of OR-ed alternatives, and the exclusions.</summary>
    private static (List<List<Item>> Required, List<Item> Excluded) Group(List<Item> items)
    {
        var required = new List<List<Item>>();
        var excluded = new List<Item>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Kind == ItemKind.Or)
            {
                var before = i == 0 ? null : items[i - 1];
                var after = i + 1 < items.Count ? items[i + 1] : null;
                if (before is null || after is null || before.Kind == ItemKind.Or || after.Kind == ItemKind.Or)
                {
                    throw DomainException.Invalid(Field, "OR must stand between two words or phrases, e.g. torture OR detention");
                }

                if (before.Excluded || after.Excluded)
                {
                    throw DomainException.Invalid(Field, "an exclusion (-word) cannot be a side of OR: write the exclusion apart, e.g. torture OR detention -tibet");
                }

                continue;
            }

            if (item.Excluded)
            {
                excluded.Add(item);
            }
            else if (i > 0 && items[i - 1].Kind == ItemKind.Or)
            {
                required[^1].Add(item);
            }
            else
            {
                required.Add([item]);
            }
        }

        return (required, excluded);
    }

    private static List<Item> Lex(string text)
    {
        var items = new List<Item>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var excluded = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            var start = excluded ? i + 1 : i;
            if (text[i] == '-' && !excluded)
            {
                throw DomainException.Invalid(Field, $"'-' at character {i + 1} excludes nothing: write it right before a word or phrase, e.g. -tibet");
            }

            if (text[start] == '"')
            {
                var close = text.IndexOf('"', start + 1);
                if (close < 0)
                {
                    throw DomainException.Invalid(Field, $"the quote at character {start + 1} is never closed: a phrase needs a closing \"");
                }

                var phrase = text[(start + 1)..close];
                if (string.IsNullOrWhiteSpace(phrase))
                {
                    throw DomainException.Invalid(Field, $"the phrase at character {start + 1} is empty: put words between the quotes");
                }

                items.Add(new Item(ItemKind.Words, phrase, excluded));
                i = close + 1;
                continue;
            }

            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"')
            {
                end++;
            }

            var word = text[start..end];
            items.Add(word == "OR" && !excluded ? new Item(ItemKind.Or, word, false) : new Item(ItemKind.Words, word, excluded));
            i = end;
        }

        return items;
    }

    private enum ItemKind
    {
        Words,
        Or,
    }

    private sealed record Item(ItemKind Kind, string Text, bool Excluded);
}
