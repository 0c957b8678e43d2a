using System.Security.Cryptography;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.EventStore.Tests.Integrity;

/// <summary>
/// An auditor's fold of leaf hashes into a root, keeping only the tree's right edge: the same root as RFC 9162's
/// recursive definition, written out here on its own, for every size up to 300; and a copy resumes where it was taken.
/// </summary>
public sealed class RightEdgeTests
{
    [Fact]
    public void Given_no_leaves_when_folded_then_the_root_is_that_of_the_empty_tree()
    {
        Assert.Equal(MerkleHashes.EmptyRoot, new RightEdge().Root());
    }

    [Fact]
    public void Given_1_to_300_leaves_when_folded_one_by_one_then_each_root_is_the_recursive_definitions()
    {
        var leaves = Enumerable.Range(0, 300).Select(i => MerkleHashes.Leaf(BitConverter.GetBytes(i))).ToArray();
        var edge = new RightEdge();
        for (var n = 1; n <= leaves.Length; n++)
        {
            edge.Add(leaves[n - 1]);

            Assert.Equal(n, edge.Size);
            Assert.True(Mth(leaves.AsSpan(0, n)).AsSpan().SequenceEqual(edge.Root()), $"size {n}");
        }
    }

    [Fact]
    public void Given_a_copy_taken_midway_when_both_go_on_then_the_copy_is_unchanged_by_the_original_and_ends_at_the_same_root()
    {
        var leaves = Enumerable.Range(0, 37).Select(i => MerkleHashes.Leaf([(byte)i])).ToArray();
        var edge = new RightEdge();
        foreach (var leaf in leaves[..21])
        {
            edge.Add(leaf);
        }

        var copy = edge.Copy();
        var rootAt21 = copy.Root();
        foreach (var leaf in leaves[21..])
        {
            edge.Add(leaf);
        }

        Assert.Equal(rootAt21, copy.Root());
        foreach (var leaf in leaves[21..])
        {
            copy.Add(leaf);
        }

        Assert.Equal(edge.Root(), copy.Root());
    }

    [Fact]
    public void Given_one_leaf_changed_when_folded_then_the_root_differs()
    {
        var leaves = Enumerable.Range(0, 13).Select(i => MerkleHashes.Leaf([(byte)i])).ToArray();
        var honest = new RightEdge();
        var changed = new RightEdge();
        for (var i = 0; i < leaves.Length; i++)
        {
            honest.Add(leaves[i]);
            changed.Add(i == 9 ? MerkleHashes.Leaf([0xFF]) : leaves[i]);
        }

        Assert.NotEqual(honest.Root(), changed.Root());
    }

    // MTH(D[n]) as RFC 9162 §2.1.1 defines it, over leaf hashes: split at the largest power of two below n.
    private static byte[] Mth(ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 1)
        {
            return leaves[0];
        }

        var k = 1;
        while (k * 2 < leaves.Length)
        {
            k *= 2;
        }

        var left = Mth(leaves[..k]);
        var right = Mth(leaves[k..]);
        return SHA256.HashData([0x01, .. left, .. right]);
    }
}
