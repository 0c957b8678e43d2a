using System.Text;

namespace EventDialogue.Projections.Search;

/// <summary>
/// What a rank is made of, for one document: how often the query's wanted words and phrases occur in it and how many
/// searchable words it holds (<see cref="CountIndexed"/>, from its indexed terms); and, for a page's hits alone, the
/// same counts read from the text itself with the words to highlight (<see cref="Match"/>). Ranking reads every match
/// of a query, so this makes no string per word: a word becomes the number of the query term it is (0 for none) and
/// phrases are compared as numbers. Reuses its buffers: one instance per ranking or page, not shared between threads.
/// </summary>
internal sealed class SearchCounter
{
    private const int NotWanted = 0;

    private readonly Dictionary<string, int> _termNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _termNumbersBySpan;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _indexedNumbersBySpan;
    private readonly int[][] _phrases;
    private readonly List<Range> _words = [];
    private readonly List<int> _terms = [];
    private readonly List<Range> _searchableWords = [];
    private readonly char[] _term = new char[64];

    public SearchCounter(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _termNumbersBySpan = _termNumbers.GetAlternateLookup<ReadOnlySpan<char>>();
        _phrases = [.. query.Wanted.Distinct().Select(phrase => phrase.Terms.Select(Number).ToArray())];
        _indexedNumbersBySpan = _termNumbers.ToDictionary(term => SearchTerms.Indexed(term.Key), term => term.Value, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// How often the wanted words and phrases occur in a document's text and keywords, and how many searchable words
    /// they hold, read from the terms they are indexed by (<see cref="SearchTerms.IndexText"/>): words already
    /// normalized, stop words already left out, so each is looked up as it stands. The boundary between the text and
    /// each keyword is no term, and no phrase runs across it.
    /// </summary>
    public (int Occurrences, int Terms) CountIndexed(string indexedTerms)
    {
        ArgumentNullException.ThrowIfNull(indexedTerms);
        _terms.Clear();
        var boundaries = 0;
        var text = indexedTerms.AsSpan();
        foreach (var word in text.Split(' '))
        {
            var term = text[word];
            if (term.IsEmpty)
            {
                continue;
            }

            if (term.SequenceEqual(SearchTerms.Boundary))
            {
                boundaries++;
                _terms.Add(NotWanted);
            }
            else
            {
                _terms.Add(_indexedNumbersBySpan.TryGetValue(term, out var number) ? number : NotWanted);
            }
        }

        return (Occurrences(marked: null), _terms.Count - boundaries);
    }

    /// <summary>
    /// How the text matched: each word of an occurrence of a wanted word or phrase wrapped in [ and ] (stop words
    /// inside a phrase are not), with the counts <see cref="CountIndexed"/> gives for the same text.
    /// </summary>
    public SearchMatch Match(string text)
    {
        ReadWords(text);
        var terms = _terms.Count;
        var marked = new bool[terms];
        var occurrences = Occurrences(marked);
        var highlighted = new StringBuilder(text.Length + 16);
        var copied = 0;
        for (var k = 0; k < terms; k++)
        {
            if (marked[k])
            {
                var (start, length) = _searchableWords[k].GetOffsetAndLength(text.Length);
                highlighted.Append(text, copied, start - copied).Append('[').Append(text, start, length).Append(']');
                copied = start + length;
            }
        }

        return new SearchMatch(highlighted.Append(text, copied, text.Length - copied).ToString(), occurrences, terms);
    }

    /// <summary>The text's searchable words, as the numbers of the query terms they are, and where each stands.</summary>
    private void ReadWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        SearchTerms.FindWords(text, _words);
        _terms.Clear();
        _searchableWords.Clear();
        foreach (var word in _words)
        {
            var spelled = text.AsSpan(word);
            if (SearchTerms.TryAsciiTerm(spelled, _term))
            {
                var term = _term.AsSpan(0, spelled.Length);
                if (!SearchTerms.StopWordsBySpan.Contains(term))
                {
                    _terms.Add(_termNumbersBySpan.TryGetValue(term, out var number) ? number : NotWanted);
                    _searchableWords.Add(word);
                }
            }
            else
            {
                var term = SearchTerms.Normalize(text[word]);
                if (!SearchTerms.IsStopWord(term))
                {
                    _terms.Add(_termNumbers.TryGetValue(term, out var number) ? number : NotWanted);
                    _searchableWords.Add(word);
                }
            }
        }
    }

    /// <summary>How often the wanted words and phrases occur in the words read; each occurrence's words set in <paramref name="marked"/> when given.</summary>
    private int Occurrences(bool[]? marked)
    {
        var occurrences = 0;
        foreach (var phrase in _phrases)
        {
            for (var start = 0; start + phrase.Length <= _terms.Count; start++)
            {
                if (StandsAt(phrase, start))
                {
                    occurrences++;
                    if (marked is not null)
                    {
                        Array.Fill(marked, true, start, phrase.Length);
                    }
                }
            }
        }

        return occurrences;
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
