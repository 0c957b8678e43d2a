using EventDialogue.Projections.Search;
using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Tests.Search;

/// <summary>
/// Search answers the same everywhere: the same queries over the same statements give, on every backend, the same
/// hits in the same order with the same highlights. Each backend runs this suite against the one list of expectations.
/// </summary>
public abstract class SearchContract : IAsyncLifetime
{
    private const string Collection = "statements";

    protected IViewStore Views { get; private set; } = null!;

    protected abstract Task<IViewStore> OpenAsync();

    /// <summary>A store left by the version before #13: raw text indexed (porter-stemmed / 'english'), no keywords column.</summary>
    protected abstract Task<IViewStore> OpenFormerFormatStoreAsync(string statementId, string text, long checkpoint);

    public async Task InitializeAsync()
    {
        Views = await OpenAsync();
        await using var transaction = await Views.BeginAsync("statements");
        foreach (var statement in Statements)
        {
            await transaction.PutAsync(statement);
        }

        await transaction.CommitAsync(new Position(Statements.Count));
    }

    public async Task DisposeAsync() => await Views.DisposeAsync();

    /// <summary>Statements as the reference record words them, with their topics (cases among them) as keywords.</summary>
    private static readonly IReadOnlyList<ViewDocument> Statements =
    [
        Statement("s1", "We had a variety of discussion on a variety of topics, including religious freedom, labor rights, freedom of expression, rule of law, racial discrimination, and multilateral cooperation.", "religious freedom", "labor rights", "freedom of expression", "rule of law"),
        Statement("s2", "I can mention Liu Xiaobo, whose case I’ve mentioned before.", "individual cases", "Liu Xiaobo"),
        Statement("s3", "Gao Zhisheng is another, the lawyer, whose case we’ve expressed concern about.", "individual cases", "Gao Zhisheng"),
        Statement("s4", "Rule of law, rule of law, and again the rule of law."),
        Statement("s5", "Restrictions on the press, on journalists, on bloggers, on internet.", "freedom of expression", "press freedom", "internet freedom"),
        Statement("s6", "The U.S.-China dialogue on human rights was candid.", "tone of the round"),
        Statement("s7", "We talked about the Arizona immigration law.", "Arizona immigration law", "discrimination"),
        Statement("s8", "Müller spoke of 刘晓波 in Beijing."),
        Statement("s9", "They spoke of rule by law."),
    ];

    /// <summary>Each query with the hits it must give, best first.</summary>
    public static TheoryData<string, string[]> Queries => new()
    {
        // plain words are AND-ed; stop words are not required
        { "rule of law", ["s4", "s9", "s1"] },
        // a phrase: its words in order, stop words skipped (so "rule by law" is found too, as PostgreSQL's phrases did)
        { "\"rule of law\"", ["s4", "s9", "s1"] },
        { "law -\"rule of law\"", ["s7"] },
        // topics are searched: the case named in s2's topics, and a topic s2 and s3 share but their words do not say
        { "liu xiaobo", ["s2"] },
        { "\"individual cases\"", ["s2", "s3"] },
        { "freedom OR press", ["s5", "s1"] },
        { "freedom -press", ["s1"] },
        { "discrimination", ["s7", "s1"] },
        { "Rights", ["s1", "s6"] },
        { "U.S.-China dialogue", ["s6"] },
        // a phrase does not run from one topic into the next ("freedom of expression", "press freedom")
        { "\"expression press\"", [] },
        // no stemming on either backend
        { "freedoms", [] },
        { "muller", ["s8"] },
        { "刘晓波", ["s8"] },
        // FTS5's and tsquery's own syntax in what is typed are only words
        { "freedom: (expression)* & | !", ["s5", "s1"] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_query_finds_the_same_statements_best_first_on_every_backend(string query, string[] hits)
    {
        var page = await SearchAsync(query);

        Assert.Equal(hits, page.Hits.Select(h => h.Document.Id));
        Assert.True(page.Hits.Select(h => h.Rank!.Value).SequenceEqual(page.Hits.Select(h => h.Rank!.Value).OrderDescending()), "not best first");
    }

    [Theory]
    [InlineData("\"rule of law\"", "s9", "They spoke of [rule] by [law].", new string[0])]
    [InlineData("rule of law", "s1", "We had a variety of discussion on a variety of topics, including religious freedom, labor rights, freedom of expression, [rule] of [law], racial discrimination, and multilateral cooperation.", new[] { "[rule] of [law]" })]
    [InlineData("\"individual cases\"", "s3", "Gao Zhisheng is another, the lawyer, whose case we’ve expressed concern about.", new[] { "[individual] [cases]" })]
    [InlineData("liu xiaobo -tibet", "s2", "I can mention [Liu] [Xiaobo], whose case I’ve mentioned before.", new[] { "[Liu] [Xiaobo]" })]
    [InlineData("U.S.-China dialogue", "s6", "The [U].[S].-[China] [dialogue] on human rights was candid.", new string[0])]
    [InlineData("muller OR 刘晓波", "s8", "[Müller] spoke of [刘晓波] in Beijing.", new string[0])]
    public async Task A_hit_has_the_same_highlights_on_every_backend_and_stop_words_are_never_marked(string query, string id, string text, string[] topics)
    {
        var hit = (await SearchAsync(query)).Hits.Single(h => h.Document.Id == id);

        Assert.Equal(text, hit.Highlighted);
        Assert.Equal(topics, hit.HighlightedKeywords);
    }

    [Fact]
    public async Task Ranks_are_on_one_scale_matches_per_square_root_of_the_searchable_words()
    {
        var page = await SearchAsync("\"rule of law\"");

        // s4: 3 in its words and 0 topics, 7 searchable words; s9: 1 in 3; s1: 2 (words and topic) in 25
        Assert.Equal([Math.Round(3 / Math.Sqrt(7), 6), Math.Round(1 / Math.Sqrt(3), 6), Math.Round(2 / Math.Sqrt(25), 6)], page.Hits.Select(h => h.Rank!.Value));
    }

    [Fact]
    public async Task Search_pages_through_the_ranked_hits_by_offset_with_filters_applied()
    {
        var first = await Views.QueryAsync(new ViewQuery(Collection, [new ViewTag("side", "us")], 2, Search: SearchQuery.Parse("rule OR freedom OR case")));
        var second = await Views.QueryAsync(new ViewQuery(Collection, [new ViewTag("side", "us")], 2, first.Next, SearchQuery.Parse("rule OR freedom OR case")));
        var third = await Views.QueryAsync(new ViewQuery(Collection, [new ViewTag("side", "us")], 2, second.Next, SearchQuery.Parse("rule OR freedom OR case")));

        Assert.Equal(["s1", "s4", "s5", "s9", "s2", "s3"], first.Hits.Concat(second.Hits).Concat(third.Hits).Select(h => h.Document.Id));
        Assert.Null(third.Next);
    }

    [Fact]
    public async Task Hits_of_equal_rank_come_in_the_collections_order_sort_key_then_id_and_each_page_carries_its_own_documents()
    {
        // put in an order that is neither the ranked one nor the ids', so that only the ordering itself can get it right
        ViewDocument[] tied =
        [
            Tied("t6", "c", "Lhasa."), Tied("t3", "d", "Lhasa."), Tied("t4", "b", "Lhasa."), Tied("t0", "z", "Lhasa, Lhasa."),
            Tied("t1", "c", "Lhasa."), Tied("t2", "b", "Lhasa."), Tied("t5", "a", "Lhasa."),
        ];
        await using (var transaction = await Views.BeginAsync("statements"))
        {
            foreach (var document in tied)
            {
                await transaction.PutAsync(document);
            }

            await transaction.CommitAsync(new Position(Statements.Count + 1));
        }

        var pages = new List<ViewPage> { await Views.QueryAsync(new ViewQuery(Collection, [], 3, Search: SearchQuery.Parse("lhasa"))) };
        while (pages[^1].Next is { } next)
        {
            pages.Add(await Views.QueryAsync(new ViewQuery(Collection, [], 3, next, SearchQuery.Parse("lhasa"))));
        }

        var hits = pages.SelectMany(page => page.Hits).ToList();
        Assert.Equal(["t0", "t5", "t2", "t4", "t1", "t6", "t3"], hits.Select(h => h.Document.Id));
        Assert.Equal([3, 3, 1], pages.Select(page => page.Hits.Count));
        Assert.All(hits, hit => Assert.Equal($"{{\"id\":\"{hit.Document.Id}\"}}", hit.Document.Json));
        Assert.All(hits.Skip(1), hit => Assert.Equal("[Lhasa].", hit.Highlighted));
    }

    [Fact]
    public async Task A_search_asked_again_after_the_view_moved_sees_what_was_put_and_taken_away_however_it_was_paged_before()
    {
        var query = SearchQuery.Parse("\"rule of law\"");
        var before = await Views.QueryAsync(new ViewQuery(Collection, [], 2, Search: query));
        await Views.QueryAsync(new ViewQuery(Collection, [], 2, before.Next, query));
        await using (var transaction = await Views.BeginAsync("statements"))
        {
            await transaction.PutAsync(Statement("s10", "Rule of law.", "rule of law"));
            await transaction.DeleteAsync(Collection, "s4");
            await transaction.CommitAsync(new Position(Statements.Count + 1));
        }

        var first = await Views.QueryAsync(new ViewQuery(Collection, [], 2, Search: query));
        var second = await Views.QueryAsync(new ViewQuery(Collection, [], 2, first.Next, query));

        Assert.Equal(["s4", "s9"], before.Hits.Select(h => h.Document.Id));
        Assert.Equal(["s10", "s9", "s1"], first.Hits.Concat(second.Hits).Select(h => h.Document.Id));
        Assert.Equal(Math.Round(2 / Math.Sqrt(4), 6), first.Hits[0].Rank);
        Assert.Null(second.Next);
    }

    [Fact]
    public async Task A_statement_written_again_is_found_by_its_new_words_and_topics_only_and_written_unchanged_as_before()
    {
        await using (var transaction = await Views.BeginAsync("statements"))
        {
            await transaction.PutAsync(Statement("s7", "We talked about the Arizona immigration law.", "Arizona immigration law", "discrimination"));
            await transaction.PutAsync(Statement("s6", "The dialogue on labor was frank.", "labor rights"));
            await transaction.CommitAsync(new Position(Statements.Count + 1));
        }

        async Task<string[]> HitsAsync(string query) =>
            [.. (await Views.QueryAsync(new ViewQuery(Collection, [], 10, Search: SearchQuery.Parse(query)))).Hits.Select(h => h.Document.Id)];

        Assert.Empty(await HitsAsync("candid"));
        Assert.Empty(await HitsAsync("\"tone of the round\""));
        Assert.Equal(["s6"], await HitsAsync("frank"));
        Assert.Equal(["s6", "s1"], await HitsAsync("\"labor rights\""));
        Assert.Equal(["s7", "s1"], await HitsAsync("discrimination"));
        Assert.Equal(["s7"], await HitsAsync("arizona"));
    }

    [Fact]
    public async Task The_same_search_under_other_filters_at_the_same_checkpoint_gets_its_own_hits()
    {
        var query = SearchQuery.Parse("law");

        var us = await Views.QueryAsync(new ViewQuery(Collection, [new ViewTag("side", "us")], 20, Search: query));
        var cn = await Views.QueryAsync(new ViewQuery(Collection, [new ViewTag("side", "cn")], 20, Search: query));
        var all = await Views.QueryAsync(new ViewQuery(Collection, [], 20, Search: query));

        Assert.Equal(["s4", "s9", "s1"], us.Hits.Select(h => h.Document.Id));
        Assert.Equal(["s7"], cn.Hits.Select(h => h.Document.Id));
        Assert.Equal(["s4", "s7", "s9", "s1"], all.Hits.Select(h => h.Document.Id));
    }

    [Fact]
    public async Task A_store_indexed_the_former_way_drops_its_views_and_checkpoints_on_opening_so_they_are_rebuilt_with_our_terms()
    {
        await Views.DisposeAsync();
        Views = await OpenFormerFormatStoreAsync("old", "The rules of laws", 42);

        Assert.Equal(Position.Start, await Views.ReadCheckpointAsync("statements"));
        Assert.Null(await Views.GetAsync(Collection, "old"));
        await using (var transaction = await Views.BeginAsync("statements"))
        {
            await transaction.PutAsync(Statement("new", "Religious freedom in Tibet.", "rule of law"));
            await transaction.CommitAsync(new Position(1));
        }

        Assert.Equal(["new"], (await SearchAsync("\"rule of law\" tibet")).Hits.Select(h => h.Document.Id));
    }

    private Task<ViewPage> SearchAsync(string query) => Views.QueryAsync(new ViewQuery(Collection, [], 20, Search: SearchQuery.Parse(query)));

    private static ViewDocument Tied(string id, string sortKey, string text) =>
        new(Collection, id, $"{{\"id\":\"{id}\"}}", sortKey, [new ViewTag("side", "us")], text);

    private static ViewDocument Statement(string id, string text, params string[] topics) =>
        new(Collection, id, "{}", id, [new ViewTag("side", id == "s7" ? "cn" : "us")], text, topics);
}
