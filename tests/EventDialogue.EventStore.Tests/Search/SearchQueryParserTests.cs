using EventDialogue.Domain.Common;
using EventDialogue.Projections.Search;

namespace EventDialogue.EventStore.Tests.Search;

/// <summary>
/// The query language: what each construct parses to, written as groups in parentheses (AND-ed), alternatives split
/// by | (OR-ed), phrases' terms by spaces, and exclusions after a minus.
/// </summary>
public sealed class SearchQueryParserTests
{
    [Theory]
    [InlineData("rule law", "(rule) (law)")]
    [InlineData("the rule of law", "(rule) (law)")]
    [InlineData("\"rule of law\"", "(rule law)")]
    [InlineData("\"rule of law\" china", "(rule law) (china)")]
    [InlineData("torture OR detention", "(torture|detention)")]
    [InlineData("torture OR detention OR \"house arrest\" tibet", "(torture|detention|house arrest) (tibet)")]
    [InlineData("torture or detention", "(torture) (detention)")]
    [InlineData("freedom -press", "(freedom) -press")]
    [InlineData("law -\"rule of law\" -tibet", "(law) -rule law -tibet")]
    [InlineData("U.S.-China", "(u s china)")]
    [InlineData("well-being", "(well being)")]
    [InlineData("Müller RIGHTS", "(muller) (rights)")]
    [InlineData("Liú Xiǎobō", "(liu) (xiaobo)")]
    [InlineData("刘晓波", "(刘晓波)")]
    [InlineData("the OR law", "(law)")]
    [InlineData("law OR law", "(law)")]
    [InlineData("  spaced   out  ", "(spaced) (out)")]
    [InlineData("tibet -the", "(tibet)")]
    public void A_query_parses_to_groups_of_alternatives_and_exclusions(string typed, string parsed) =>
        Assert.Equal(parsed, Show(SearchQuery.Parse(typed)));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("\"rule of law", "quote at character 1 is never closed")]
    [InlineData("china \"rule of law", "quote at character 7 is never closed")]
    [InlineData("-press", "only excludes")]
    [InlineData("-press -\"rule of law\"", "only excludes")]
    [InlineData("the of", "nothing to search for but stop words")]
    [InlineData("\"of the\"", "nothing to search for but stop words")]
    [InlineData("&& ...", "nothing to search for but stop words")]
    [InlineData("OR law", "OR must stand between two words")]
    [InlineData("law OR", "OR must stand between two words")]
    [InlineData("law OR OR tibet", "OR must stand between two words")]
    [InlineData("law OR -tibet", "exclusion (-word) cannot be a side of OR")]
    [InlineData("-law OR tibet", "exclusion (-word) cannot be a side of OR")]
    [InlineData("law - tibet", "'-' at character 5 excludes nothing")]
    [InlineData("law \"\"", "phrase at character 5 is empty")]
    public void A_malformed_query_is_refused_naming_the_problem_on_the_query_field(string typed, string problem)
    {
        var refused = Assert.Throws<DomainException>(() => SearchQuery.Parse(typed));

        Assert.Equal((DomainErrorKind.InvalidArgument, "query"), (refused.Kind, refused.Field));
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Terms_are_lower_cased_without_accents_split_at_anything_but_letters_and_digits_and_not_stemmed() =>
        Assert.Equal(
            ["we", "ve", "raised", "2", "cases", "in", "xinjiang", "sao", "paulo", "freedoms", "刘晓波"],
            SearchTerms.Tokenize("We’ve raised 2 cases in Xinjiang, São-Paulo: freedoms — 刘晓波.").Select(t => t.Term));

    [Fact]
    public void A_document_is_indexed_as_its_searchable_terms_with_a_boundary_before_each_keyword_and_other_scripts_in_hex() =>
        Assert.Equal(
            $"rule law china {SearchTerms.Boundary} zze58898e69993e6b3a2 {SearchTerms.Boundary} zz7a7a746f70",
            SearchTerms.IndexText("The rule of law in China", ["刘晓波", "zztop"]));

    [Theory]
    [InlineData("The rule of law in China", new[] { "刘晓波", "zztop" })]
    [InlineData("", new[] { "", "the of", "Tibet" })]
    [InlineData("Of the", new string[0])]
    [InlineData("ZZtop zz Zz9 São-Paulo, Liú Xiǎobō: e\u0301te MIXED case 42", new[] { "Ürümqi", "a" })]
    [InlineData("Pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovolcanoconiosis and more", new[] { "x" })]
    public void A_document_is_indexed_as_each_segments_searchable_terms_spelled_as_indexed(string text, string[] keywords)
    {
        var segments = new[] { text }.Concat(keywords).Select(segment => string.Join(' ', SearchTerms.Searchable(segment).Select(SearchTerms.Indexed)));

        Assert.Equal(string.Join($" {SearchTerms.Boundary} ", segments), SearchTerms.IndexText(text, keywords));
    }

    [Fact]
    public void A_match_marks_each_word_of_a_wanted_phrase_but_no_stop_word_and_counts_the_occurrences()
    {
        var match = SearchMatch.Of(SearchQuery.Parse("\"rule of law\" OR tibet -press"), "The rule of law, Tibet, and the press: rule of law.");

        Assert.Equal("The [rule] of [law], [Tibet], and the press: [rule] of [law].", match.Highlighted);
        Assert.Equal(3, match.Occurrences);
        Assert.Equal(6, match.Terms);
    }

    private static string Show(SearchQuery query) => string.Join(
        ' ',
        query.Required.Select(group => $"({string.Join('|', group)})").Concat(query.Excluded.Select(phrase => $"-{phrase}")));
}
