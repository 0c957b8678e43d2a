namespace EventDialogue.Projections.Search;

/// <summary>
/// What a rank is made of, for one text: how often the query's wanted words and phrases occur in it (as
/// <see cref="SearchMatch"/> counts them) and how many searchable words it holds, without the highlighting that
/// only a page's hits need. Ranking reads every match of a query, so this makes no string per plain ASCII word: a
/// word becomes the number of the query term it is (0 for none) and phrases are compared as numbers. Reuses its
/// buffers: one instance per ranking, not shared between threads.
/// </summary>
internal sealed class SearchCounter
{
    private const int NotWanted = 0;

    private readonly Dictionary<string, int> _termNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _termNumbersBySpan;
    private readonly int[][] _phrases;
    private readonly List<Range> _words = [];
    private readonly List<int> _terms = [];
    private readonly char[] _term = new char[64];

    public SearchCounter(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _termNumbersBySpan = _termNumbers.GetAlternateLookup<ReadOnlySpan<char>>();
        _phrases = [.. query.Wanted.Distinct().Select(phrase => phrase.Terms.Select(Number).ToArray())];
    }

    public (int Occurrences, int Terms) Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        SearchTerms.FindWords(text, _words);
        _terms.Clear();
        foreach (var word in _words)
        {
            var spelled = text.AsSpan(word);
            if (SearchTerms.TryAsciiTerm(spelled, _term))
            {
                var term = _term.AsSpan(0, spelled.Length);
                if (!SearchTerms.StopWordsBySpan.Contains(term))
                {
                    _terms.Add(_termNumbersBySpan.TryGetValue(term, out var number) ? number : NotWanted);
                }
            }
            else
            {
                var term = SearchTerms.Normalize(text[word]);
                if (!SearchTerms.IsStopWord(term))
                {
                    _terms.Add(_termNumbers.TryGetValue(term, out var number) ? number : NotWanted);
                }
            }
        }

        var occurrences = 0;
        foreach (var phrase in _phrases)
        {
            for (var start = 0; start + phrase.Length <= _terms.Count; start++)
            {
                if (StandsAt(phrase, start))
                {
                    occurrences++;
                }
            }
        }

        return (occurrences, _terms.Count);
    }

    private int Number(string term)
    {
        if (!_termNumbers.TryGetValue(term, out var number))
        {
            number = _termNumbers.Count + 1;
            _termNumbers.Add(term, number);
        }

        return number;
    }

    private bool StandsAt(int[] phrase, int start)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            if (_terms[start + k] != phrase[k])
            {
                return false;
            }
        }

        return true;
    }
}
