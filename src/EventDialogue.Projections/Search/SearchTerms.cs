using System.Globalization;
using System.Text;

namespace EventDialogue.Projections.Search;

/// <summary>A word of a text as search sees it: its term and where it stands in the text.</summary>
public readonly record struct SearchToken(string Term, int Start, int Length, bool IsStopWord);

/// <summary>
/// How text becomes search terms, on every backend alike: words are runs of letters and digits (anything else
/// separates them, so "U.S.-China" is u, s, china), lower-cased with accents removed, and not stemmed — "freedoms"
/// does not find "freedom" — so that SQLite and PostgreSQL cannot disagree on what a word is. Stop words are neither
/// indexed nor searched for.
/// </summary>
public static class SearchTerms
{
    /// <summary>
    /// Put between a document's text and each of its keywords in the index, so that a phrase cannot match across
    /// the end of one and the start of the next. A typed word never becomes it: as a term it starts with "zz", so
    /// <see cref="Indexed"/> spells it in hex.
    /// </summary>
    public const string Boundary = "zzzqboundary";

    /// <summary>Our own list, used by both backends: common English words that say nothing of what a text is about.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he", "her",
        "his", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "she", "so", "than",
        "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "us", "was", "we",
        "were", "what", "which", "who", "will", "with", "would", "you", "your",
    };

    public static bool IsStopWord(string term) => StopWords.Contains(term);

    /// <summary>The words of a text, in order, with where each stands.</summary>
    public static IReadOnlyList<SearchToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<Range>();
        FindWords(text, words);
        return [.. words.Select(word => Token(text, word.Start.Value, word.End.Value - word.Start.Value))];
    }

    /// <summary>Where each word of a text stands, into a list the caller may reuse: no string is made.</summary>
    internal static void FindWords(string text, List<Range> words)
    {
        words.Clear();
        var start = -1;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var inWord = Rune.IsLetterOrDigit(rune) || (start >= 0 && Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);
            if (inWord && start < 0)
            {
                start = index;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(start..index);
                start = -1;
            }

            index += rune.Utf16SequenceLength;
        }

        if (start >= 0)
        {
            words.Add(start..index);
        }
    }

    /// <summary>
    /// A word's term written into <paramref name="term"/> when the word is plain ASCII (lower-cased is all
    /// <see cref="Normalize"/> does to it), so that ranking many texts makes no string per word; false for any other
    /// word, which the caller normalizes the full way.
    /// </summary>
    internal static bool TryAsciiTerm(ReadOnlySpan<char> word, Span<char> term)
    {
        if (word.Length > term.Length || !Ascii.IsValid(word))
        {
            return false;
        }

        Ascii.ToLower(word, term, out _);
        return true;
    }

    /// <summary>The stop words, looked up by a span.</summary>
    internal static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordsBySpan { get; } = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The terms of a text that search looks at: its words less the stop words.</summary>
    public static IReadOnlyList<string> Searchable(string text) => [.. Tokenize(text).Where(t => !t.IsStopWord).Select(t => t.Term)];

    /// <summary>
    /// The text a backend indexes for a document: its searchable terms, then each keyword's, separated by
    /// <see cref="Boundary"/>, each term spelled as <see cref="Indexed"/> does.
    /// </summary>
    /// <remarks>
    /// Written once for every document a live batch puts, so it makes no string per word: an ASCII word (most are)
    /// is lower-cased straight into the result; any other word goes the full way, through <see cref="Normalize"/> and
    /// <see cref="Indexed"/>. The text is the same as joining each segment's <see cref="Searchable"/> terms.
    /// </remarks>
    public static string IndexText(string? text, IReadOnlyList<string>? keywords)
    {
        var indexed = new StringBuilder((text?.Length ?? 0) + 16);
        var words = new List<Range>();
        AppendIndexed(indexed, text ?? string.Empty, words);
        foreach (var keyword in keywords ?? [])
        {
            indexed.Append(' ').Append(Boundary).Append(' ');
            AppendIndexed(indexed, keyword, words);
        }

        return indexed.ToString();
    }

    /// <summary>One segment of <see cref="IndexText"/>: a text's searchable terms, spelled as indexed, separated by spaces.</summary>
    private static void AppendIndexed(StringBuilder indexed, string text, List<Range> words)
    {
        FindWords(text, words);
        Span<char> ascii = stackalloc char[64];
        var first = true;
        foreach (var word in words)
        {
            var span = text.AsSpan(word);
            if (TryAsciiTerm(span, ascii))
            {
                // an ASCII word is all letters and digits, so it is indexed as it is unless it starts like the boundary
                var term = ascii[..span.Length];
                if (StopWordsBySpan.Contains(term))
                {
                    continue;
                }

                Separate(indexed, ref first);
                if (term.StartsWith("zz", StringComparison.Ordinal))
                {
                    indexed.Append(Indexed(term.ToString()));
                }
                else
                {
                    indexed.Append(term);
                }
            }
            else
            {
                var term = Normalize(span.ToString());
                if (IsStopWord(term))
                {
                    continue;
                }

                Separate(indexed, ref first);
                indexed.Append(Indexed(term));
            }
        }
    }

    private static void Separate(StringBuilder indexed, ref bool first)
    {
        if (!first)
        {
            indexed.Append(' ');
        }

        first = false;
    }

    /// <summary>
    /// A term as the backends index it: plain ASCII letters and digits as they are, any other as "zz" and the hex of
    /// its UTF-8 bytes. So what reaches a backend's tokenizer is always one run of ASCII letters and digits, which
    /// SQLite's unicode61 and PostgreSQL's parser (whatever the database's locale) both take as exactly one word.
    /// </summary>
    public static string Indexed(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.All(char.IsAsciiLetterOrDigit) && !term.StartsWith("zz", StringComparison.Ordinal)
            ? term
            : "zz" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(term));
    }

    private static SearchToken Token(string text, int start, int length)
    {
        // a plain ASCII word (most are) is lower-cased in one step into its term, with no copy of the word first
        Span<char> ascii = stackalloc char[64];
        var word = text.AsSpan(start, length);
        var term = TryAsciiTerm(word, ascii) ? new string(ascii[..length]) : Normalize(word.ToString());
        return new SearchToken(term, start, length, IsStopWord(term));
    }

    /// <summary>
    /// Lower-cased, with accents removed. The server runs with invariant globalization (no ICU), so there is no Unicode
    /// decomposition to lean on: combining marks are dropped, and the accented Latin letters of
    /// <see cref="AccentFolds"/> — the Latin-1 and Latin Extended letters, pinyin's tone marks among them — become
    /// their base letter, so "Liú Xiǎobō" is found by "liu xiaobo".
    /// </summary>
    internal static string Normalize(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var kept = new StringBuilder(word.Length);
        Span<char> encoded = stackalloc char[2];
        foreach (var rune in word.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            var lower = Rune.ToLowerInvariant(rune);
            if (lower.IsBmp && AccentFolds.TryGetValue((char)lower.Value, out var folded))
            {
                kept.Append(folded);
            }
            else
            {
                kept.Append(encoded[..lower.EncodeToUtf16(encoded)]);
            }
        }

        return kept.ToString();
    }

    private static readonly Dictionary<char, char> AccentFolds = new[]
    {
        ('a', "àáâãäåāăąǎǟǡǻȁȃȧ"), ('c', "çćĉċč"), ('d', "ďđð"), ('e', "èéêëēĕėęěȅȇȩ"), ('g', "ĝğġģǧǵ"), ('h', "ĥħ"),
        ('i', "ìíîïĩīĭįıǐȉȋ"), ('j', "ĵǰ"), ('k', "ķǩ"), ('l', "ĺļľŀł"), ('n', "ñńņňǹ"), ('o', "òóôõöøōŏőǒǫǭǿȍȏȫȭȯȱ"),
        ('r', "ŕŗřȑȓ"), ('s', "śŝşšș"), ('t', "ţťŧț"), ('u', "ùúûüũūŭůűųǔǖǘǚǜȕȗ"), ('w', "ŵ"), ('y', "ýÿŷȳ"), ('z', "źżžƶ"),
    }.SelectMany(f => f.Item2.Select(accented => (accented, f.Item1))).ToDictionary(f => f.accented, f => f.Item2);
}
