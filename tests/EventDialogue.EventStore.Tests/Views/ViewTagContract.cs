using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>
/// A document's tags as the store keeps them apart from the document (keyed by the document's row, not its id): every
/// find, count and filter sees the tags a document carries now, in its own collection, and nothing a document left
/// behind. Run against every backend.
/// </summary>
public abstract class ViewTagContract : IAsyncLifetime
{
    private const string Projection = "test-projection";

    private static readonly ViewTag R1 = new("round", "r1");
    private static readonly ViewTag R2 = new("round", "r2");
    private static readonly ViewTag Case = new("kind", "case");
    private static readonly ViewTag Cleared = new("audience", "cleared");

    protected IViewStore Views { get; private set; } = null!;

    protected abstract Task<IViewStore> OpenAsync();

    /// <summary>
    /// A store left by the version before tags were keyed by the document's row: tags in view_tags by (collection, id),
    /// search already in its current format; one document "links"/<paramref name="id"/> tagged round=r1 and the
    /// projection's checkpoint at <paramref name="checkpoint"/>.
    /// </summary>
    protected abstract Task<IViewStore> OpenFormerTagLayoutStoreAsync(string id, long checkpoint);

    public async Task InitializeAsync() => Views = await OpenAsync();

    public async Task DisposeAsync() => await Views.DisposeAsync();

    private static ViewDocument Link(string id, params ViewTag[] tags) => new("links", id, $$"""{"id":"{{id}}"}""", id, tags, $"link {id}");

    private async Task CommitAsync(long checkpoint, Func<IViewTransaction, Task> write)
    {
        await using var transaction = await Views.BeginAsync(Projection);
        await write(transaction);
        await transaction.CommitAsync(new Position(checkpoint));
    }

    private async Task<string[]> FoundAsync(params ViewTag[] tags) => [.. (await Views.FindAsync("links", tags)).Select(d => d.Id)];

    private async Task<string[]> ListedAsync(params ViewTag[] filters) => [.. (await Views.QueryAsync(new ViewQuery("links", filters, 10))).Hits.Select(h => h.Document.Id)];

    [Fact]
    public async Task A_document_put_again_with_other_tags_is_found_by_its_new_tags_only_and_without_tags_by_none()
    {
        await CommitAsync(1, t => t.PutAsync(Link("a", R1, Case, Cleared)));
        await CommitAsync(2, t => t.PutAsync(Link("a", R2, Case)));

        Assert.Empty(await FoundAsync(R1));
        Assert.Empty(await FoundAsync(Case, Cleared));
        Assert.Equal(["a"], await FoundAsync(R2, Case));
        Assert.Equal(["a"], await FoundAsync(Case, R2));
        Assert.Equal(0, await Views.CountAsync("links", [R1]));
        Assert.Equal(1, await Views.CountAsync("links", [Case, R2]));
        Assert.Empty(await ListedAsync(Cleared));
        Assert.Equal(["a"], await ListedAsync(R2, Case));

        await CommitAsync(3, t => t.PutAsync(Link("a")));

        Assert.Empty(await FoundAsync(R2));
        Assert.Equal(0, await Views.CountAsync("links", [Case]));
        Assert.Empty(await ListedAsync(Case));
        Assert.Equal(["a"], await ListedAsync());
    }

    [Fact]
    public async Task A_document_put_again_with_one_tag_changed_keeps_the_others_and_put_again_unchanged_keeps_them_all()
    {
        await CommitAsync(1, async t =>
        {
            await t.PutAsync(Link("a", R1, Case, Cleared));
            await t.PutAsync(Link("b", R1, Case));
        });
        await CommitAsync(2, t => t.PutAsync(Link("a", Cleared, R2, Case)));

        Assert.Equal(["b"], await FoundAsync(R1));
        Assert.Equal(["a"], await FoundAsync(R2, Case, Cleared));
        Assert.Equal(2, await Views.CountAsync("links", [Case]));
        Assert.Equal(["a"], await ListedAsync(Cleared, R2));

        await CommitAsync(3, async t =>
        {
            await t.PutAsync(Link("a", R2, Case, Cleared));
            await t.PutAsync(Link("a", R2, Case, Cleared));
        });

        Assert.Equal(["a"], await FoundAsync(Cleared, Case, R2));
        Assert.Equal(1, await Views.CountAsync("links", [R2]));
        Assert.Equal(["a", "b"], await ListedAsync(Case));
    }

    [Fact]
    public async Task A_deleted_document_leaves_no_tag_that_a_find_a_count_or_a_filter_could_hit_even_once_its_id_is_used_again()
    {
        await CommitAsync(1, async t =>
        {
            await t.PutAsync(Link("a", R1, Case));
            await t.PutAsync(Link("b", R1, Case));
        });
        await CommitAsync(2, t => t.DeleteAsync("links", "a"));

        Assert.Equal(["b"], await FoundAsync(R1, Case));
        Assert.Equal(1, await Views.CountAsync("links", [R1]));
        Assert.Equal(["b"], await ListedAsync(Case));

        await CommitAsync(3, t => t.PutAsync(Link("a", R2)));

        Assert.Equal(["b"], await FoundAsync(R1));
        Assert.Equal(["a"], await FoundAsync(R2));
        Assert.Equal(1, await Views.CountAsync("links", [Case]));
    }

    [Fact]
    public async Task Within_a_transaction_a_find_sees_the_tags_as_put_and_deleted_so_far()
    {
        await using var transaction = await Views.BeginAsync(Projection);
        await transaction.PutAsync(Link("a", R1));
        await transaction.PutAsync(Link("b", R1));
        await transaction.DeleteAsync("links", "a");
        await transaction.PutAsync(Link("b", R2));
        await transaction.PutAsync(Link("c", R1));

        Assert.Equal(["c"], (await transaction.FindAsync("links", R1)).Select(d => d.Id));
        Assert.Equal(["b"], (await transaction.FindAsync("links", R2)).Select(d => d.Id));
    }

    [Fact]
    public async Task Two_collections_with_a_document_of_the_same_id_do_not_see_each_other_s_tags()
    {
        await CommitAsync(1, async t =>
        {
            await t.PutAsync(Link("x", R1));
            await t.PutAsync(new ViewDocument("cases", "x", """{"case":"x"}""", "x", [Case]));
        });

        Assert.Empty(await FoundAsync(R1, Case));
        Assert.Equal(["x"], await FoundAsync(R1));
        Assert.Equal("""{"case":"x"}""", Assert.Single(await Views.FindAsync("cases", [Case])).Json);
        Assert.Empty(await Views.FindAsync("cases", [R1]));
        Assert.Equal(0, await Views.CountAsync("links", [Case]));
        Assert.Empty(await ListedAsync(Case));

        await CommitAsync(2, t => t.DeleteAsync("cases", "x"));
        await Views.ResetAsync("nobody", ["cases"]);

        Assert.Equal(["x"], await FoundAsync(R1));
        Assert.Equal(1, await Views.CountAsync("links", [R1]));
    }

    [Fact]
    public async Task A_store_with_tags_in_the_former_layout_drops_its_views_and_checkpoints_on_opening_so_they_are_rebuilt()
    {
        await Views.DisposeAsync();
        Views = await OpenFormerTagLayoutStoreAsync("old", 42);

        Assert.Equal(Position.Start, await Views.ReadCheckpointAsync(Projection));
        Assert.Null(await Views.GetAsync("links", "old"));
        Assert.Empty(await FoundAsync(R1));

        await CommitAsync(1, t => t.PutAsync(Link("new", R1, Case)));

        Assert.Equal(["new"], await FoundAsync(R1, Case));
        Assert.Equal(1, await Views.CountAsync("links", [R1]));
        Assert.Equal(new Position(1), await Views.ReadCheckpointAsync(Projection));
    }
}
