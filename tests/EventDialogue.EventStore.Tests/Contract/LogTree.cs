using System.Globalization;
using EventDialogue.EventStore.Integrity;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>
/// The log's Merkle tree as the store keeps it: always the tree of the events a reader of $all gets back, recomputed
/// from them by the canonical bytes; proofs that verify; built for a store written before it was kept; unchanged by a
/// retry, kept through a restore; and no longer matching an event edited in the database behind the store's back.
/// </summary>
public abstract partial class EventStoreContract
{
    private ILogTree Tree => Assert.IsAssignableFrom<ILogTree>(Store);

    /// <summary>SQL that turns the store's storage back into what the schema before the tree (version 1) left.</summary>
    protected abstract string WithoutTheTreeSql { get; }

    /// <summary>SQL that reads the storage's schema version.</summary>
    protected abstract string SchemaVersionSql { get; }

    /// <summary>Runs SQL on the store's storage behind its back (the store's own tables, unqualified); returns the first value.</summary>
    protected abstract Task<object?> ExecuteSqlAsync(string sql);

    [Fact]
    public async Task Given_appends_to_several_streams_in_batches_with_a_retry_and_a_failed_append_then_the_stored_tree_is_the_tree_of_the_events_read_back()
    {
        var first = Events.Some(3);
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.NoStream, first);
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.NoStream, Events.Some(1));
        var sizeBeforeRetry = (await Tree.ReadTreeHeadAsync()).Size;
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.NoStream, first);
        Assert.Equal(sizeBeforeRetry, (await Tree.ReadTreeHeadAsync()).Size);
        // a batch that fails on its second event after its first was inserted: positions may skip, leaves may not
        await Assert.ThrowsAsync<DuplicateEventIdException>(() => Store.AppendToStreamAsync(Stream("case-gao-zhisheng"), ExpectedRevision.NoStream, [Events.One(), first[1]]));
        await Store.AppendToStreamAsync(Stream("case-gao-zhisheng"), ExpectedRevision.NoStream, Events.Some(5));
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.Exact(2), Events.Some(2));

        var (head, log) = await ReadTreeAndLogAsync();

        Assert.Equal(11, head.Size);
        Assert.Equal(Convert.ToHexStringLower(RecomputedRoot(log)), Convert.ToHexStringLower(head.RootHash));
        var leaves = await Tree.ReadSubtreeHashesAsync([.. Enumerable.Range(0, log.Count).Select(i => new PerfectSubtree(0, i))]);
        Assert.Equal(log.Count, leaves.Count);
        for (var i = 0; i < log.Count; i++)
        {
            Assert.Equal(i, await Tree.ReadLeafIndexAsync(log[i].Position));
            Assert.Equal(CanonicalEvent.LeafHash(log[i]), leaves[new PerfectSubtree(0, i)]);
        }

        Assert.Null(await Tree.ReadLeafIndexAsync(new Position(log[^1].Position.Value + 1)));
    }

    [Fact]
    public async Task Given_eight_concurrent_writers_then_the_leaves_have_no_gap_follow_position_order_and_hash_to_the_stored_root()
    {
        const int Writers = 8;
        const int AppendsEach = 6;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var a = 0; a < AppendsEach; a++)
            {
                // half the writers share streams, so some appends conflict and retry
                var stream = Stream($"case-writer-{w % (Writers / 2)}-{a}");
                await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, Events.Some(1 + (a % 3)));
            }
        })));

        var (head, log) = await ReadTreeAndLogAsync();

        Assert.Equal(Writers * Enumerable.Range(0, AppendsEach).Sum(a => 1 + (a % 3)), log.Count);
        Assert.Equal(log.Count, head.Size);
        Assert.Equal(RecomputedRoot(log), head.RootHash);
        for (var i = 0; i < log.Count; i++)
        {
            Assert.Equal(i, await Tree.ReadLeafIndexAsync(log[i].Position));
        }
    }

    /// <summary>
    /// Appends whose new nodes combine with few, then many, of the right edge's stored nodes (the size's trailing ones),
    /// single events and batches crossing powers of two (8, 16, 64, 128): a stored node read wrong, from the wrong level,
    /// or not at all, gives a root other than the one recomputed from the events, and a consistency proof that fails.
    /// </summary>
    [Fact]
    public async Task Given_single_events_and_batches_crossing_powers_of_two_then_after_each_append_the_root_is_recomputed_and_the_growth_is_consistent()
    {
        int[] appendSizes = [1, 1, 1, 5, 7, 1, 17, 30, 1, 2, 61, 1, 3];
        var before = await Tree.ReadTreeHeadAsync();
        for (var a = 0; a < appendSizes.Length; a++)
        {
            await Store.AppendToStreamAsync(Stream($"case-growth-{a % 3}"), ExpectedRevision.Any, Events.Some(appendSizes[a]));

            var (head, log) = await ReadTreeAndLogAsync();
            Assert.Equal(appendSizes[..(a + 1)].Sum(), head.Size);
            Assert.True(RecomputedRoot(log).AsSpan().SequenceEqual(head.RootHash), $"root at size {head.Size}");
            var consistency = await new MerkleTree(Tree.ReadSubtreeHashesAsync).ConsistencyProofAsync(before.Size, head.Size);
            Assert.True(MerkleProofs.VerifyConsistency(before.Size, head.Size, before.RootHash, head.RootHash, consistency), $"{before.Size} to {head.Size}");
            before = head;
        }
    }

    [Fact]
    public async Task Inclusion_proofs_for_every_leaf_and_consistency_proofs_for_every_earlier_size_from_the_store_verify()
    {
        for (var i = 0; i < 9; i++)
        {
            await Store.AppendToStreamAsync(Stream($"case-{i % 3}"), ExpectedRevision.Any, Events.Some(1 + (i % 2)));
        }

        var (head, log) = await ReadTreeAndLogAsync();
        var tree = new MerkleTree(Tree.ReadSubtreeHashesAsync);

        for (var size = 1; size <= head.Size; size++)
        {
            var root = RecomputedRoot(log[..size]);
            Assert.Equal(root, await tree.RootAsync(size));
            for (var leaf = 0; leaf < size; leaf++)
            {
                var path = await tree.InclusionProofAsync(leaf, size);
                Assert.True(MerkleProofs.VerifyInclusion(leaf, size, CanonicalEvent.LeafHash(log[leaf]), path, root), $"leaf {leaf} of {size}");
            }

            var consistency = await tree.ConsistencyProofAsync(size, head.Size);
            Assert.True(MerkleProofs.VerifyConsistency(size, head.Size, root, head.RootHash, consistency), $"{size} to {head.Size}");
        }
    }

    [Fact]
    public async Task A_subtree_the_committed_tree_does_not_complete_yet_is_refused_naming_it()
    {
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.NoStream, Events.Some(3));

        var refused = await Assert.ThrowsAsync<InvalidStoreRequestException>(async () => await Tree.ReadSubtreeHashesAsync([new PerfectSubtree(1, 0), new PerfectSubtree(0, 2), new PerfectSubtree(2, 0), new PerfectSubtree(0, 3)]));

        Assert.Equal("subtree", refused.Field);
        Assert.Contains("leaves 0 to 3", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_store_has_the_empty_tree()
    {
        var head = await Tree.ReadTreeHeadAsync();

        Assert.Equal(0, head.Size);
        Assert.Equal(0, await Tree.ReadTreeSizeAsync());
        Assert.Equal(MerkleHashes.EmptyRoot, head.RootHash);
    }

    [Fact]
    public async Task The_trees_size_read_alone_is_the_number_of_events_and_the_heads_size()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.AppendToStreamAsync(Stream($"case-{i % 2}"), ExpectedRevision.Any, Events.Some(1 + i));
        }

        Assert.Equal(15, await Tree.ReadTreeSizeAsync());
        Assert.Equal((await Tree.ReadTreeHeadAsync()).Size, await Tree.ReadTreeSizeAsync());
    }

    [Fact]
    public async Task Given_a_store_written_before_the_tree_was_kept_when_it_is_opened_then_the_tree_of_its_events_is_built_and_grows_on()
    {
        for (var i = 0; i < 7; i++)
        {
            await Store.AppendToStreamAsync(Stream($"case-{i % 2}"), ExpectedRevision.Any, Events.Some(1 + (i % 4)));
        }

        var before = await Tree.ReadTreeHeadAsync();
        await Store.DisposeAsync();
        await ExecuteSqlAsync(WithoutTheTreeSql);
        Store = await ReopenAsync();

        var after = await Tree.ReadTreeHeadAsync();
        Assert.Equal(before.Size, after.Size);
        Assert.Equal(before.RootHash, after.RootHash);
        Assert.Equal(2L, Convert.ToInt64(await ExecuteSqlAsync(SchemaVersionSql), CultureInfo.InvariantCulture));
        await Store.AppendToStreamAsync(Stream("case-0"), ExpectedRevision.Any, Events.Some(3));
        var (head, log) = await ReadTreeAndLogAsync();
        Assert.Equal(RecomputedRoot(log), head.RootHash);
    }

    [Theory]
    [InlineData("data", "UPDATE events SET data = '{\"index\":99}' WHERE position = $position")]
    [InlineData("recorded_by", "UPDATE events SET metadata = replace(metadata, 'test-desk', 'someone-else') WHERE position = $position")]
    [InlineData("type", "UPDATE events SET type = 'CaseWithdrawn' WHERE position = $position")]
    public async Task Given_an_event_edited_in_the_database_then_its_recomputed_leaf_and_root_no_longer_match_the_stored_ones(string field, string edit)
    {
        await Store.AppendToStreamAsync(Stream("case-liu-xiaobo"), ExpectedRevision.NoStream, Events.Some(4));
        await Store.AppendToStreamAsync(Stream("round-2010-washington"), ExpectedRevision.NoStream, Events.Some(2));
        var (_, untouched) = await ReadTreeAndLogAsync();
        var victim = untouched[3];

        await ExecuteSqlAsync(edit.Replace("$position", victim.Position.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var (head, log) = await ReadTreeAndLogAsync();
        Assert.NotEqual((await Tree.ReadSubtreeHashesAsync([new PerfectSubtree(0, 3)]))[new PerfectSubtree(0, 3)], CanonicalEvent.LeafHash(log[3]));
        Assert.NotEqual(head.RootHash, RecomputedRoot(log));
        Assert.Equal(untouched.Where((_, i) => i != 3), log.Where((_, i) => i != 3));
        Assert.NotEqual(untouched[3], log[3]);
        Assert.NotNull(field);
    }

    [Fact]
    public async Task Signed_checkpoints_round_trip_one_per_size_the_first_kept_and_the_latest_found()
    {
        Assert.Null(await Tree.ReadCheckpointAsync());
        await Tree.AppendCheckpointAsync(3, "note of size 3\n");
        Clock.Now = ClockStart.AddMinutes(5);
        await Tree.AppendCheckpointAsync(5, "note of size 5\n");
        await Tree.AppendCheckpointAsync(3, "a second note of size 3\n");

        Assert.Equal(new StoredCheckpoint(3, "note of size 3\n", ClockStart), await Tree.ReadCheckpointAsync(3));
        Assert.Equal(new StoredCheckpoint(5, "note of size 5\n", ClockStart.AddMinutes(5)), await Tree.ReadCheckpointAsync());
        Assert.Null(await Tree.ReadCheckpointAsync(4));
        var refused = await Assert.ThrowsAsync<InvalidStoreRequestException>(() => Tree.AppendCheckpointAsync(-1, "note\n"));
        Assert.Equal("tree_size", refused.Field);
    }

    [Fact]
    public async Task Restoring_a_log_builds_its_tree_so_the_restored_root_is_the_source_root()
    {
        var log = RestoredLog.Of(LogLongerThanABatch);

        await Restorer.RestoreAsync(log.ToAsyncEnumerable());

        var (head, read) = await ReadTreeAndLogAsync();
        Assert.Equal(log.Count, head.Size);
        Assert.Equal(RecomputedRoot(log), head.RootHash);
        Assert.Equal(RecomputedRoot(read), head.RootHash);
        await Store.AppendToStreamAsync(Stream("case-after-restore"), ExpectedRevision.NoStream, Events.Some(2));
        var (grown, all) = await ReadTreeAndLogAsync();
        Assert.Equal(log.Count + 2, grown.Size);
        Assert.Equal(RecomputedRoot(all), grown.RootHash);
    }

    /// <summary>
    /// The tree head and every event a reader of $all gets back, once the two agree in count: on PostgreSQL the read
    /// horizon may for a moment lag the committed tree (see PostgresEventStore), never the other way round.
    /// </summary>
    private async Task<(TreeHead Head, List<RecordedEvent> Log)> ReadTreeAndLogAsync()
    {
        using var bound = Bound();
        while (true)
        {
            var head = await Tree.ReadTreeHeadAsync(bound.Token);
            var log = await Store.ReadAllAsync(Position.Start, AllFilter.None).ToListAsync(bound.Token);
            Assert.True(log.Count <= head.Size, $"{log.Count} events read, {head.Size} leaves");
            if (log.Count == head.Size)
            {
                return (head, log);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), bound.Token);
        }
    }

    /// <summary>MTH of RFC 9162 §2.1.1 over the events' leaf hashes, straight from its definition.</summary>
    private static byte[] RecomputedRoot(List<RecordedEvent> events) => Mth([.. events.Select(CanonicalEvent.LeafHash)]);

    private static byte[] Mth(List<byte[]> leaves)
    {
        if (leaves.Count == 0)
        {
            return MerkleHashes.EmptyRoot;
        }

        if (leaves.Count == 1)
        {
            return leaves[0];
        }

        var k = 1;
        while (k * 2 < leaves.Count)
        {
            k *= 2;
        }

        return MerkleHashes.Node(Mth(leaves[..k]), Mth(leaves[k..]));
    }
}
