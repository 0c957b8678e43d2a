using System.Text;

namespace EventDialogue.Projections.Search;

/// <summary>
/// How one text matched a query, worked out in our code rather than by a backend, so that highlights and ranks are
/// the same on every backend: each word of an occurrence of a wanted word or phrase is wrapped in [ and ] (stop words
/// inside a phrase are not), and the occurrences are counted.
/// </summary>
public sealed record SearchMatch(string Highlighted, int Occurrences, int Terms)
{
    public static SearchMatch Of(SearchQuery query, string text)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(text);
        var searchable = SearchTerms.Tokenize(text).Where(t => !t.IsStopWord).ToList();
        var marked = new bool[searchable.Count];
        var occurrences = 0;
        foreach (var phrase in query.Wanted.Distinct())
        {
            for (var start = 0; start + phrase.Terms.Count <= searchable.Count; start++)
            {
                if (StandsAt(phrase, searchable, start))
                {
                    occurrences++;
                    Array.Fill(marked, true, start, phrase.Terms.Count);
                }
            }
        }

        return new SearchMatch(Highlight(text, searchable, marked), occurrences, searchable.Count);
    }

    private static bool StandsAt(SearchPhrase phrase, List<SearchToken> tokens, int start)
    {
        for (var k = 0; k < phrase.Terms.Count; k++)
        {
            if (!string.Equals(tokens[start + k].Term, phrase.Terms[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string Highlight(string text, List<SearchToken> tokens, bool[] marked)
    {
        var highlighted = new StringBuilder(text.Length + 16);
        var copied = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (marked[k])
            {
                var token = tokens[k];
                highlighted.Append(text, copied, token.Start - copied).Append('[').Append(text, token.Start, token.Length).Append(']');
                copied = token.Start + token.Length;
            }
        }

        return highlighted.Append(text, copied, text.Length - copied).ToString();
    }
}
