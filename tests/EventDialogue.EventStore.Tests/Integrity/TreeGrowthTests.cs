using EventDialogue.EventStore.Integrity;

namespace EventDialogue.EventStore.Tests.Integrity;

/// <summary>Growing a tree from its right edge writes exactly the subtrees each leaf completes, with the hashes of the whole tree.</summary>
public sealed class TreeGrowthTests
{
    [Fact]
    public async Task Growing_a_tree_leaf_by_leaf_from_each_right_edge_writes_the_subtrees_each_leaf_completes_and_gives_every_root()
    {
        var stored = new Dictionary<PerfectSubtree, byte[]>();
        var tree = new MerkleTree((wanted, _) => ValueTask.FromResult<IReadOnlyDictionary<PerfectSubtree, byte[]>>(wanted.ToDictionary(subtree => subtree, subtree => stored[subtree])));
        var leaves = new List<byte[]>();
        for (var size = 0; size < 70; size++)
        {
            // a fresh growth each time, from the stored edge only, as an append in its own transaction starts
            var growth = new TreeGrowth(size, [.. TreeGrowth.RightEdge(size).Select(s => stored[s])]);
            var leaf = MerkleHashes.Leaf([(byte)size, 7]);
            leaves.Add(leaf);

            var written = growth.Append(leaf);

            Assert.Equal(PerfectSubtree.CompletedBy(size), written.Select(w => w.Subtree));
            foreach (var (subtree, hash) in written)
            {
                Assert.True(stored.TryAdd(subtree, hash), $"{subtree} was written twice");
            }

            Assert.Equal(size + 1, growth.Size);
            Assert.Equal(ReferenceRoot(leaves), await tree.RootAsync(size + 1));
        }
    }

    [Fact]
    public void A_right_edge_has_one_subtree_per_bit_of_the_size_largest_first()
    {
        Assert.Empty(TreeGrowth.RightEdge(0));
        Assert.Equal([new PerfectSubtree(3, 0), new PerfectSubtree(1, 4), new PerfectSubtree(0, 10)], TreeGrowth.RightEdge(11));
    }

    [Fact]
    public void An_edge_with_missing_hashes_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new TreeGrowth(3, [MerkleHashes.EmptyRoot]));
    }

    // MTH of RFC 9162 §2.1.1, straight from its definition.
    private static byte[] ReferenceRoot(List<byte[]> leaves)
    {
        if (leaves.Count == 1)
        {
            return leaves[0];
        }

        var k = 1;
        while (k * 2 < leaves.Count)
        {
            k *= 2;
        }

        return MerkleHashes.Node(ReferenceRoot(leaves[..k]), ReferenceRoot(leaves[k..]));
    }
}
