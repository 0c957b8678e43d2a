using EventDialogue.Projections.Search;

namespace EventDialogue.EventStore.Tests.Search;

/// <summary>
/// Ranking counts every match without highlighting it, and only the page's hits are highlighted: both must see the
/// same words, or a page would be ranked by one reading and shown by another.
/// </summary>
public sealed class SearchRankingTests
{
    private static readonly string LongWord = new('w', 70);

    [Theory]
    [InlineData("\"rule of law\" OR tibet -press", "The RULE of Law, Tibet, and THE press: rule of law.")]
    [InlineData("muller liu", "Müller met Liú Xiǎobō; MÜLLER and liu again, and Mu\u0308ller.")]
    [InlineData("u s china", "The U.S.-China dialogue, u.s. china, US China.")]
    [InlineData("刘晓波 OR beijing", "刘晓波 in Beijing, 刘晓波.")]
    [InlineData("zzzqboundary OR rights", "zzzqboundary rights Rights RIGHTS")]
    public void The_rank_is_what_the_highlighting_counts_matches_per_square_root_of_the_searchable_words(string query, string text)
    {
        var parsed = SearchQuery.Parse(query);
        string[] keywords = ["rule of law", "Liu Xiaobo", text];
        var inText = SearchMatch.Of(parsed, text);
        var matches = keywords.Select(k => SearchMatch.Of(parsed, k)).Append(inText).ToList();
        var expected = Math.Round(matches.Sum(m => m.Occurrences) / Math.Sqrt(matches.Sum(m => m.Terms)), 6);

        var ranked = SearchRanking.RankAll(parsed, [new SearchCandidate("d", "d", SearchTerms.IndexText(text, keywords))]);

        Assert.True(inText.Occurrences > 0, "the example must match");
        Assert.Equal(expected, ranked.Ids.Single().Rank);
    }

    [Theory]
    [InlineData("\"law liu\" OR law", "Rule of law", new[] { "Liu Xiaobo", "of the", "law" })]
    [InlineData("\"xiaobo rule\" OR rule", "", new[] { "Liu Xiaobo", "rule of law" })]
    [InlineData("rights", "Rights, rights", new[] { "the", "" })]
    [InlineData("\"rights rights\"", "rights rights rights", new string[0])]
    public void Ranked_from_its_indexed_terms_a_document_counts_as_its_text_and_keywords_do_and_no_phrase_spans_two_of_them(string query, string text, string[] keywords)
    {
        var parsed = SearchQuery.Parse(query);
        var matches = keywords.Select(k => SearchMatch.Of(parsed, k)).Append(SearchMatch.Of(parsed, text)).ToList();
        var expected = Math.Round(matches.Sum(m => m.Occurrences) / Math.Sqrt(matches.Sum(m => m.Terms)), 6);

        var ranked = SearchRanking.RankAll(parsed, [new SearchCandidate("d", "d", SearchTerms.IndexText(text, keywords))]);

        Assert.True(matches.Sum(m => m.Occurrences) > 0, "the example must match");
        Assert.Equal(expected, ranked.Ids.Single().Rank);
    }

    [Fact]
    public void A_word_longer_than_the_counters_buffer_is_still_counted()
    {
        var parsed = SearchQuery.Parse(LongWord.ToUpperInvariant());

        var ranked = SearchRanking.RankAll(parsed, [new SearchCandidate("d", "d", SearchTerms.IndexText($"{LongWord} and {LongWord.ToUpperInvariant()}", null))]);

        Assert.Equal(Math.Round(2 / Math.Sqrt(2), 6), ranked.Ids.Single().Rank);
    }
}
