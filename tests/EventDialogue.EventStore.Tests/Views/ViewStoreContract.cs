using EventDialogue.Projections.Search;
using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>The view store's contract, run against every backend.</summary>
public abstract class ViewStoreContract : IAsyncLifetime
{
    protected const string Projection = "test-projection";
    protected const string Collection = "statements";

    protected IViewStore Views { get; private set; } = null!;

    protected abstract Task<IViewStore> OpenAsync();

    public async Task InitializeAsync() => Views = await OpenAsync();

    public async Task DisposeAsync() => await Views.DisposeAsync();

    private static ViewDocument Statement(string id, string text, string speaker = "Michael H. Posner", string sortKey = "") =>
        new(Collection, id, $$"""{"text":"{{text}}"}""", sortKey.Length > 0 ? sortKey : id, [new ViewTag("speaker", speaker), new ViewTag("side", speaker == "Chen Xu" ? "cn" : "us")], text);

    private async Task PutCommittedAsync(long checkpoint, params ViewDocument[] documents)
    {
        await using var transaction = await Views.BeginAsync(Projection);
        foreach (var document in documents)
        {
            await transaction.PutAsync(document);
        }

        await transaction.CommitAsync(new Position(checkpoint));
    }

    [Fact]
    public async Task Changes_and_the_checkpoint_are_committed_together()
    {
        await PutCommittedAsync(7, Statement("s1", "candid and constructive"));

        Assert.Equal(new Position(7), await Views.ReadCheckpointAsync(Projection));
        Assert.Equal("""{"text":"candid and constructive"}""", (await Views.GetAsync(Collection, "s1"))!.Json);
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_changes_nothing_not_even_the_checkpoint()
    {
        await PutCommittedAsync(3, Statement("s1", "first"));

        await using (var transaction = await Views.BeginAsync(Projection))
        {
            await transaction.PutAsync(Statement("s1", "changed"));
            await transaction.PutAsync(Statement("s2", "added"));
            await transaction.DeleteAsync(Collection, "s1");
        }

        Assert.Equal(new Position(3), await Views.ReadCheckpointAsync(Projection));
        Assert.Contains("first", (await Views.GetAsync(Collection, "s1"))!.Json, StringComparison.Ordinal);
        Assert.Null(await Views.GetAsync(Collection, "s2"));
    }

    [Fact]
    public async Task A_transaction_of_several_projections_holds_each_ones_checkpoint_and_commits_them_with_the_changes_or_not_at_all()
    {
        await PutCommittedAsync(3);
        await using (var together = await Views.BeginAsync([Projection, "other-projection"]))
        {
            Assert.Equal(new Position(3), together.Checkpoints[Projection]);
            Assert.Equal(Position.Start, together.Checkpoints["other-projection"]);
            await together.PutAsync(Statement("s1", "rolled back"));
        }

        Assert.Null(await Views.GetAsync(Collection, "s1"));
        await using (var together = await Views.BeginAsync(["other-projection", Projection]))
        {
            await together.PutAsync(Statement("s1", "committed"));
            await together.CommitAsync(new Dictionary<string, Position> { [Projection] = new(8), ["other-projection"] = new(5) });
        }

        Assert.Equal(new Position(8), await Views.ReadCheckpointAsync(Projection));
        Assert.Equal(new Position(5), await Views.ReadCheckpointAsync("other-projection"));
        Assert.NotNull(await Views.GetAsync(Collection, "s1"));
    }

    [Fact]
    public async Task A_transaction_of_no_projection_or_a_commit_that_leaves_one_out_is_refused_and_changes_nothing()
    {
        Assert.Contains("at least one projection", (await Assert.ThrowsAsync<ArgumentException>(() => Views.BeginAsync(Array.Empty<string>()))).Message, StringComparison.Ordinal);
        await using (var together = await Views.BeginAsync([Projection, "other-projection"]))
        {
            await together.PutAsync(Statement("s1", "never"));
            var refused = await Assert.ThrowsAsync<ArgumentException>(() => together.CommitAsync(new Dictionary<string, Position> { [Projection] = new(8) }));
            Assert.Contains("no checkpoint for other-projection", refused.Message, StringComparison.Ordinal);
            refused = await Assert.ThrowsAsync<ArgumentException>(() => together.CommitAsync(new Dictionary<string, Position> { [Projection] = new(8), ["other-projection"] = new(8), ["third"] = new(8) }));
            Assert.Contains("third, which the transaction does not hold", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(Position.Start, await Views.ReadCheckpointAsync(Projection));
        Assert.Equal(Position.Start, await Views.ReadCheckpointAsync("other-projection"));
        Assert.Null(await Views.GetAsync(Collection, "s1"));
    }

    [Fact]
    public async Task A_transaction_reads_its_own_writes_and_finds_by_tag()
    {
        await using var transaction = await Views.BeginAsync(Projection);
        await transaction.PutAsync(Statement("s1", "one"));
        await transaction.PutAsync(Statement("s2", "two", "Chen Xu"));
        await transaction.PutAsync(Statement("s3", "three"));

        Assert.NotNull(await transaction.GetAsync(Collection, "s2"));
        Assert.Equal(["s1", "s3"], (await transaction.FindAsync(Collection, new ViewTag("side", "us"))).Select(d => d.Id));
    }

    [Fact]
    public async Task A_document_is_found_by_each_of_its_tags_whatever_characters_they_hold_and_a_tag_given_twice_is_kept_once()
    {
        string[] values = ["Liu \"Xiaobo\"", "back\\slash", "刘晓波", "[\"a\", \"b\"]", "line\nbreak", " ", "outside the plane 😀"];
        var document = new ViewDocument(Collection, "s1", """{"text":"one"}""", "s1", [.. values.Select(v => new ViewTag("topic", v)), new ViewTag("topic", values[0])]);
        await PutCommittedAsync(1, document);

        foreach (var value in values)
        {
            Assert.Equal(["s1"], (await Views.FindAsync(Collection, [new ViewTag("topic", value)])).Select(d => d.Id));
        }

        Assert.Equal(1, await Views.CountAsync(Collection, [new ViewTag("topic", values[0]), new ViewTag("topic", values[2])]));
        Assert.Empty(await Views.FindAsync(Collection, [new ViewTag("topic", "Liu Xiaobo")]));
    }

    [Fact]
    public async Task Putting_a_document_again_replaces_it_with_its_tags_and_search_text()
    {
        await PutCommittedAsync(1, Statement("s1", "rule of law", "Michael H. Posner"));
        await PutCommittedAsync(2, Statement("s1", "religious freedom", "Chen Xu"));

        var bySpeaker = await Views.QueryAsync(new ViewQuery(Collection, [new ViewTag("speaker", "Michael H. Posner")], 10));
        var found = await Views.QueryAsync(new ViewQuery(Collection, [], 10, Search: SearchQuery.Parse("law")));

        Assert.Empty(bySpeaker.Hits);
        Assert.Empty(found.Hits);
        Assert.Single((await Views.QueryAsync(new ViewQuery(Collection, [], 10, Search: SearchQuery.Parse("religious")))).Hits);
    }

    [Fact]
    public async Task Listing_pages_through_a_collection_in_sort_key_order_with_filters()
    {
        var documents = Enumerable.Range(0, 25)
            .Select(i => Statement($"s{i:D2}", $"statement {i}", i % 2 == 0 ? "Michael H. Posner" : "Chen Xu", sortKey: $"2010-05-{(i % 5) + 10:D2}"))
            .ToArray();
        await PutCommittedAsync(1, documents);

        var seen = new List<string>();
        ViewCursor? after = null;
        do
        {
            var page = await Views.QueryAsync(new ViewQuery(Collection, [new ViewTag("side", "us")], 4, after));
            Assert.InRange(page.Hits.Count, 1, 4);
            seen.AddRange(page.Hits.Select(h => h.Document.Id));
            after = page.Next;
        }
        while (after is not null);

        var expected = documents.Where((_, i) => i % 2 == 0).OrderBy(d => d.SortKey, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Id);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_document_put_deleted_and_put_again_in_one_transaction_keeps_only_its_last_tags_and_search_text()
    {
        await using (var transaction = await Views.BeginAsync(Projection))
        {
            await transaction.PutAsync(Statement("s1", "rule of law", "Michael H. Posner"));
            await transaction.PutAsync(Statement("s1", "labor rights", "Michael H. Posner"));
            await transaction.DeleteAsync(Collection, "s1");
            await transaction.PutAsync(Statement("s1", "religious freedom", "Chen Xu"));
            await transaction.PutAsync(Statement("s2", "rule of law again", "Michael H. Posner"));
            await transaction.CommitAsync(new Position(1));
        }

        var bySpeaker = await Views.QueryAsync(new ViewQuery(Collection, [new ViewTag("speaker", "Michael H. Posner")], 10));
        var byWords = await Views.QueryAsync(new ViewQuery(Collection, [], 10, Search: SearchQuery.Parse("law")));
        var byEarlierWords = await Views.QueryAsync(new ViewQuery(Collection, [], 10, Search: SearchQuery.Parse("labor")));

        Assert.Equal(["s2"], bySpeaker.Hits.Select(h => h.Document.Id));
        Assert.Equal(["s2"], byWords.Hits.Select(h => h.Document.Id));
        Assert.Empty(byEarlierWords.Hits);
        Assert.Equal(["s1"], (await Views.QueryAsync(new ViewQuery(Collection, [new ViewTag("side", "cn")], 10, Search: SearchQuery.Parse("religious")))).Hits.Select(h => h.Document.Id));
    }

    [Fact]
    public async Task Search_ranks_matches_and_marks_the_matching_words()
    {
        await PutCommittedAsync(
            1,
            Statement("s1", "We discussed the rule of law and the role of lawyers in society"),
            Statement("s2", "Labor rights and collective bargaining"),
            Statement("s3", "Rule of law, rule of law, and again the rule of law"));

        var page = await Views.QueryAsync(new ViewQuery(Collection, [], 10, Search: SearchQuery.Parse("rule of law")));

        Assert.Equal(["s3", "s1"], page.Hits.Select(h => h.Document.Id));
        Assert.True(page.Hits[0].Rank > page.Hits[1].Rank);
        Assert.Contains("[rule]", page.Hits[1].Highlighted!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("[law]", page.Hits[1].Highlighted!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Search_text_with_query_syntax_characters_is_taken_as_words()
    {
        await PutCommittedAsync(1, Statement("s1", "freedom of expression"));

        var page = await Views.QueryAsync(new ViewQuery(Collection, [], 10, Search: SearchQuery.Parse("(expression) AND* freedom:^ {of} !&")));

        Assert.Equal("[freedom] of [expression]", Assert.Single(page.Hits).Highlighted);
    }

    [Fact]
    public async Task Search_pages_by_offset()
    {
        await PutCommittedAsync(1, [.. Enumerable.Range(0, 7).Select(i => Statement($"s{i}", $"human rights dialogue {i}"))]);

        var first = await Views.QueryAsync(new ViewQuery(Collection, [], 5, Search: SearchQuery.Parse("dialogue")));
        var second = await Views.QueryAsync(new ViewQuery(Collection, [], 5, first.Next, SearchQuery.Parse("dialogue")));

        Assert.Equal(5, first.Hits.Count);
        Assert.Equal(2, second.Hits.Count);
        Assert.Null(second.Next);
        Assert.Empty(first.Hits.Select(h => h.Document.Id).Intersect(second.Hits.Select(h => h.Document.Id)));
    }

    private static ViewDocument Link(string id, string round, string kind, string sortKey) =>
        new("links", id, $$"""{"round":"{{round}}","kind":"{{kind}}"}""", sortKey, [new ViewTag("round", round), new ViewTag("kind", kind)]);

    /// <summary>Round r1's two cases, one commitment and three statements; r2's statement; a statement document elsewhere.</summary>
    private async Task GivenTheLinksOfTwoRoundsAsync()
    {
        await PutCommittedAsync(
            1,
            Link("c2", "r1", "case", "case|2010-05-14"),
            Link("s1", "r1", "statement", "statement|2010-05-13|a"),
            Link("c1", "r1", "case", "case|2010-05-13"),
            Link("m1", "r1", "commitment", "commitment|2010-05-14"),
            Link("s2", "r1", "statement", "statement|2010-05-13|b"),
            Link("s3", "r1", "statement", "statement|2010-05-14"),
            Link("s4", "r2", "statement", "statement|2011-02-01"),
            new ViewDocument(Collection, "s5", "{}", "s5", [new ViewTag("round", "r1"), new ViewTag("kind", "statement")]));
    }

    [Fact]
    public async Task Finding_by_tags_gives_the_documents_that_carry_every_tag_in_sort_key_order()
    {
        await GivenTheLinksOfTwoRoundsAsync();

        var cases = await Views.FindAsync("links", [new ViewTag("round", "r1"), new ViewTag("kind", "case")]);
        var round = await Views.FindAsync("links", [new ViewTag("round", "r1")]);

        Assert.Equal(["c1", "c2"], cases.Select(d => d.Id));
        Assert.Equal("""{"round":"r1","kind":"case"}""", cases[0].Json);
        Assert.Equal(["c1", "c2", "m1", "s1", "s2", "s3"], round.Select(d => d.Id));
        Assert.Empty(await Views.FindAsync("links", [new ViewTag("round", "r1"), new ViewTag("kind", "visit")]));
    }

    [Fact]
    public async Task Counting_by_tags_counts_the_documents_that_carry_every_tag_as_they_now_stand()
    {
        await GivenTheLinksOfTwoRoundsAsync();
        await using (var transaction = await Views.BeginAsync(Projection))
        {
            // s1 retracted, s2 moved to r2: their old tags count no more
            await transaction.DeleteAsync("links", "s1");
            await transaction.PutAsync(Link("s2", "r2", "statement", "statement|2010-05-13|b"));
            await transaction.CommitAsync(new Position(2));
        }

        Assert.Equal(1, await Views.CountAsync("links", [new ViewTag("round", "r1"), new ViewTag("kind", "statement")]));
        Assert.Equal(2, await Views.CountAsync("links", [new ViewTag("round", "r2"), new ViewTag("kind", "statement")]));
        Assert.Equal(4, await Views.CountAsync("links", [new ViewTag("round", "r1")]));
        Assert.Equal(3, await Views.CountAsync("links", [new ViewTag("kind", "statement")]));
        Assert.Equal(0, await Views.CountAsync("links", [new ViewTag("round", "r3"), new ViewTag("kind", "statement")]));
    }

    [Fact]
    public async Task Reading_gets_finds_and_counts_at_once_gives_each_read_s_answer_in_the_order_asked()
    {
        await GivenTheLinksOfTwoRoundsAsync();
        await PutCommittedAsync(2, new ViewDocument("rounds", "r1", """{"round":"r1"}""", "r1", []));
        ViewTag[] r1 = [new("round", "r1")];

        var read = await Views.ReadAsync(new ViewReads(
            [new ViewKey("rounds", "r9"), new ViewKey("rounds", "r1")],
            [new ViewTagged("links", [.. r1, new ViewTag("kind", "case")]), new ViewTagged("links", [.. r1, new ViewTag("kind", "visit")]), new ViewTagged("links", [.. r1, new ViewTag("kind", "commitment")])],
            [new ViewTagged("links", [.. r1, new ViewTag("kind", "statement")]), new ViewTagged("links", [new ViewTag("round", "r2")])]));

        Assert.Null(read.Gotten[0]);
        Assert.Equal("""{"round":"r1"}""", read.Gotten[1]!.Json);
        Assert.Equal(2, read.Gotten.Count);
        Assert.Equal([["c1", "c2"], [], ["m1"]], read.Found.Select(found => found.Select(d => d.Id)));
        Assert.Equal("""{"round":"r1","kind":"case"}""", read.Found[0][0].Json);
        Assert.Equal([3, 1], read.Counted);
    }

    [Fact]
    public async Task Reading_many_documents_by_key_at_once_gives_each_key_its_own_collection_s_document_in_the_order_asked()
    {
        await GivenTheLinksOfTwoRoundsAsync();
        await PutCommittedAsync(2, new ViewDocument("rounds", "r1", """{"round":"r1"}""", "r1", []));
        await PutCommittedAsync(3, new ViewDocument("rounds", "r2", """{"round":"r2"}""", "r2", []));
        await PutCommittedAsync(4, new ViewDocument("dialogues", "r1", """{"dialogue":"of r1"}""", "r1", []));

        var read = await Views.ReadAsync(new ViewReads(
            [new ViewKey("rounds", "r2"), new ViewKey("dialogues", "r1"), new ViewKey("rounds", "r9"), new ViewKey("rounds", "r1"), new ViewKey("dialogues", "r2"), new ViewKey("rounds", "r2")],
            [],
            []));

        Assert.Equal(["""{"round":"r2"}""", """{"dialogue":"of r1"}""", null, """{"round":"r1"}""", null, """{"round":"r2"}"""], read.Gotten.Select(d => d?.Json));
        Assert.Equal(["rounds", "dialogues", null, "rounds", null, "rounds"], read.Gotten.Select(d => d?.Collection));
    }

    [Fact]
    public async Task Reading_nothing_at_once_gives_nothing_and_a_find_by_no_tag_is_refused()
    {
        await GivenTheLinksOfTwoRoundsAsync();

        var nothing = await Views.ReadAsync(new ViewReads([], [], []));

        Assert.Empty(nothing.Gotten);
        Assert.Empty(nothing.Found);
        Assert.Empty(nothing.Counted);
        Assert.Contains("at least one tag", (await Assert.ThrowsAsync<ArgumentException>(() => Views.ReadAsync(new ViewReads([], [new ViewTagged("links", [])], [])))).Message, StringComparison.Ordinal);
        Assert.Contains("at least one tag", (await Assert.ThrowsAsync<ArgumentException>(() => Views.ReadAsync(new ViewReads([], [], [new ViewTagged("links", [])])))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_or_counting_by_no_tag_at_all_is_refused()
    {
        await GivenTheLinksOfTwoRoundsAsync();

        Assert.Contains("at least one tag", (await Assert.ThrowsAsync<ArgumentException>(() => Views.FindAsync("links", []))).Message, StringComparison.Ordinal);
        Assert.Contains("at least one tag", (await Assert.ThrowsAsync<ArgumentException>(() => Views.CountAsync("links", []))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_drops_the_collections_and_the_checkpoint_but_nothing_else()
    {
        await PutCommittedAsync(9, Statement("s1", "one"), new ViewDocument("rounds", "r1", "{}", "r1", []));
        await using (var other = await Views.BeginAsync("other-projection"))
        {
            await other.PutAsync(new ViewDocument("cases", "c1", "{}", "c1", []));
            await other.CommitAsync(new Position(4));
        }

        await Views.ResetAsync(Projection, [Collection, "rounds"]);

        Assert.Equal(Position.Start, await Views.ReadCheckpointAsync(Projection));
        Assert.Null(await Views.GetAsync(Collection, "s1"));
        Assert.Empty((await Views.QueryAsync(new ViewQuery(Collection, [], 10, Search: SearchQuery.Parse("one")))).Hits);
        Assert.Null(await Views.GetAsync("rounds", "r1"));
        Assert.NotNull(await Views.GetAsync("cases", "c1"));
        Assert.Equal(new Position(4), await Views.ReadCheckpointAsync("other-projection"));
    }

    [Fact]
    public async Task A_view_built_again_and_swapped_in_at_the_checkpoint_it_had_is_searched_anew_not_by_a_ranking_kept_before()
    {
        await PutCommittedAsync(9, Statement("s1", "one"), Statement("s2", "two"));
        var before = await Views.QueryAsync(new ViewQuery(Collection, [], 10, Search: SearchQuery.Parse("one")));
        IProjectionViews copy = new FreshCopyViews(Views, [Projection], [Collection]);
        await using (var building = await copy.BeginAsync(Projection))
        {
            await building.PutAsync(Statement("s1", "uno"));
            await building.PutAsync(Statement("s3", "one more"));
            await building.CommitAsync(new Position(9));
        }

        await Views.ReplaceWithFreshCopyAsync(Projection, [Collection]);
        var after = await Views.QueryAsync(new ViewQuery(Collection, [], 10, Search: SearchQuery.Parse("one")));

        Assert.Equal(["s1"], before.Hits.Select(h => h.Document.Id));
        Assert.Equal(new Position(9), await Views.ReadCheckpointAsync(Projection));
        Assert.Equal(["s3"], after.Hits.Select(h => h.Document.Id));
    }

    [Fact]
    public async Task A_fresh_copy_built_beside_a_view_stays_unseen_until_it_replaces_the_view_whole_in_one_step()
    {
        await PutCommittedAsync(9, Statement("s1", "one"), Statement("s2", "two"), new ViewDocument("rounds", "r1", "{}", "r1", []));
        await using (var other = await Views.BeginAsync("other-projection"))
        {
            await other.PutAsync(new ViewDocument("cases", "c1", "{}", "c1", []));
            await other.CommitAsync(new Position(4));
        }

        IProjectionViews copy = new FreshCopyViews(Views, [Projection], [Collection, "rounds"]);
        await using (var building = await copy.BeginAsync(Projection))
        {
            Assert.Equal(Position.Start, building.Checkpoint);
            Assert.Null(await building.GetAsync(Collection, "s1"));
            await building.PutAsync(Statement("s1", "uno", speaker: "Chen Xu"));
            await building.PutAsync(Statement("s3", "three"));
            var own = await building.GetAsync(Collection, "s1");
            Assert.Equal((Collection, """{"text":"uno"}"""), (own!.Collection, own.Json));
            await building.CommitAsync(new Position(12));
        }

        Assert.Equal(new Position(12), await copy.ReadCheckpointAsync(Projection));
        Assert.Equal(new Position(9), await Views.ReadCheckpointAsync(Projection));
        Assert.Equal("""{"text":"one"}""", (await Views.GetAsync(Collection, "s1"))!.Json);
        Assert.Null(await Views.GetAsync(Collection, "s3"));
        Assert.Empty(await Views.FindAsync(Collection, [new ViewTag("speaker", "Chen Xu")]));
        Assert.Empty((await Views.QueryAsync(new ViewQuery(Collection, [], 10, Search: SearchQuery.Parse("three")))).Hits);

        await Views.ReplaceWithFreshCopyAsync(Projection, [Collection, "rounds"]);

        Assert.Equal(new Position(12), await Views.ReadCheckpointAsync(Projection));
        Assert.Equal(Position.Start, await copy.ReadCheckpointAsync(Projection));
        Assert.Equal("""{"text":"uno"}""", (await Views.GetAsync(Collection, "s1"))!.Json);
        Assert.Null(await Views.GetAsync(Collection, "s2"));
        Assert.Null(await Views.GetAsync("rounds", "r1"));
        Assert.Equal(["s1"], (await Views.FindAsync(Collection, [new ViewTag("speaker", "Chen Xu")])).Select(d => d.Id));
        Assert.Equal(1, await Views.CountAsync(Collection, [new ViewTag("side", "us")]));
        Assert.Equal(["s1", "s3"], (await Views.QueryAsync(new ViewQuery(Collection, [], 10))).Hits.Select(h => h.Document.Id));
        Assert.Equal(["s3"], (await Views.QueryAsync(new ViewQuery(Collection, [], 10, Search: SearchQuery.Parse("three")))).Hits.Select(h => h.Document.Id));
        Assert.Empty((await Views.QueryAsync(new ViewQuery(Collection, [], 10, Search: SearchQuery.Parse("one")))).Hits);
        await using (var building = await copy.BeginAsync(Projection))
        {
            Assert.Null(await building.GetAsync(Collection, "s1"));
        }

        Assert.NotNull(await Views.GetAsync("cases", "c1"));
        Assert.Equal(new Position(4), await Views.ReadCheckpointAsync("other-projection"));
    }

    [Fact]
    public async Task A_fresh_copy_refuses_a_projection_or_a_collection_it_does_not_build_and_changes_nothing()
    {
        await PutCommittedAsync(9, Statement("s1", "one"));
        IProjectionViews copy = new FreshCopyViews(Views, [Projection], [Collection]);

        var projection = await Assert.ThrowsAsync<ArgumentException>(() => copy.BeginAsync("other-projection"));
        Assert.Contains("other-projection is not one this fresh copy builds", projection.Message, StringComparison.Ordinal);
        await using (var building = await copy.BeginAsync(Projection))
        {
            var collection = await Assert.ThrowsAsync<ArgumentException>(() => building.PutAsync(new ViewDocument("cases", "c1", "{}", "c1", [])));
            Assert.Contains("cases is not one this fresh copy builds", collection.Message, StringComparison.Ordinal);
        }

        Assert.Null(await Views.GetAsync("cases", "c1"));
        Assert.Null(await Views.GetAsync(FreshCopy.Of("cases"), "c1"));
        Assert.Equal(new Position(9), await Views.ReadCheckpointAsync(Projection));
        Assert.Equal(Position.Start, await copy.ReadCheckpointAsync(Projection));
        Assert.Contains("already a fresh copy's name", Assert.Throws<ArgumentException>(() => FreshCopy.Of(FreshCopy.Of(Projection))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_copy_behind_the_view_cannot_replace_it_and_nothing_changes()
    {
        await PutCommittedAsync(9, Statement("s1", "one"));
        IProjectionViews copy = new FreshCopyViews(Views, [Projection], [Collection]);
        await using (var building = await copy.BeginAsync(Projection))
        {
            await building.PutAsync(Statement("s1", "uno"));
            await building.CommitAsync(new Position(5));
        }

        var behind = await Assert.ThrowsAsync<FreshCopyBehindException>(() => Views.ReplaceWithFreshCopyAsync(Projection, [Collection]));

        Assert.Equal((new Position(5), new Position(9)), (behind.Copy, behind.View));
        Assert.Equal(new Position(9), await Views.ReadCheckpointAsync(Projection));
        Assert.Equal("""{"text":"one"}""", (await Views.GetAsync(Collection, "s1"))!.Json);
        Assert.Equal(new Position(5), await copy.ReadCheckpointAsync(Projection));
    }
}
