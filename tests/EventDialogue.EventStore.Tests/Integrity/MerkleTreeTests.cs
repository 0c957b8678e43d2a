using EventDialogue.EventStore.Integrity;

namespace EventDialogue.EventStore.Tests.Integrity;

/// <summary>
/// The Merkle tree of RFC 9162 §2.1, kept as perfect subtrees that are each written once: its roots match the RFC's
/// definition and the published test vectors, and every proof it makes verifies, while any change to a proof, a leaf,
/// an index or a root fails.
/// </summary>
public sealed class MerkleTreeTests
{
    // The leaves of the test vectors published with RFC 6962's reference implementation (certificate-transparency).
    private static readonly byte[][] VectorLeaves =
    [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    private static readonly string[] VectorRoots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    [Fact]
    public async Task The_empty_tree_hashes_to_sha256_of_nothing()
    {
        var root = await Tree(Leaves(0)).RootAsync(0);

        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(root));
    }

    [Fact]
    public async Task Roots_match_the_published_test_vectors()
    {
        var tree = Tree(VectorLeaves);
        for (var size = 1; size <= VectorLeaves.Length; size++)
        {
            Assert.Equal(VectorRoots[size - 1], Convert.ToHexStringLower(await tree.RootAsync(size)));
        }
    }

    [Fact]
    public async Task Roots_from_perfect_subtrees_equal_the_definition_for_every_size_up_to_70()
    {
        var leaves = Leaves(70);
        var tree = Tree(leaves);
        for (var size = 1; size <= leaves.Length; size++)
        {
            Assert.Equal(Convert.ToHexStringLower(DefinedRoot(leaves.AsSpan(0, size))), Convert.ToHexStringLower(await tree.RootAsync(size)));
        }
    }

    [Fact]
    public async Task Every_inclusion_proof_verifies_up_to_40_leaves()
    {
        var leaves = Leaves(40);
        var tree = Tree(leaves);
        for (var size = 1; size <= leaves.Length; size++)
        {
            var root = await tree.RootAsync(size);
            for (var leaf = 0; leaf < size; leaf++)
            {
                var proof = await tree.InclusionProofAsync(leaf, size);
                Assert.True(MerkleProofs.VerifyInclusion(leaf, size, MerkleHashes.Leaf(leaves[leaf]), proof, root), $"leaf {leaf} of {size}");
            }
        }
    }

    [Fact]
    public async Task Every_consistency_proof_verifies_up_to_40_leaves()
    {
        var leaves = Leaves(40);
        var tree = Tree(leaves);
        for (var newSize = 1; newSize <= leaves.Length; newSize++)
        {
            var newRoot = await tree.RootAsync(newSize);
            for (var oldSize = 0; oldSize <= newSize; oldSize++)
            {
                var proof = await tree.ConsistencyProofAsync(oldSize, newSize);
                Assert.True(MerkleProofs.VerifyConsistency(oldSize, newSize, await tree.RootAsync(oldSize), newRoot, proof), $"{oldSize} → {newSize}");
            }
        }
    }

    [Fact]
    public async Task An_inclusion_proof_fails_for_another_leaf_index_leaf_root_or_a_changed_node()
    {
        var leaves = Leaves(13);
        var tree = Tree(leaves);
        var root = await tree.RootAsync(13);
        var proof = await tree.InclusionProofAsync(6, 13);
        var leafHash = MerkleHashes.Leaf(leaves[6]);

        Assert.True(MerkleProofs.VerifyInclusion(6, 13, leafHash, proof, root));
        Assert.False(MerkleProofs.VerifyInclusion(5, 13, leafHash, proof, root));
        Assert.False(MerkleProofs.VerifyInclusion(6, 7, leafHash, proof, root));
        Assert.False(MerkleProofs.VerifyInclusion(6, 13, MerkleHashes.Leaf(leaves[7]), proof, root));
        var smallerRoot = await tree.RootAsync(12);
        Assert.False(MerkleProofs.VerifyInclusion(6, 13, leafHash, proof, smallerRoot));
        Assert.False(MerkleProofs.VerifyInclusion(6, 13, leafHash, proof.Take(proof.Count - 1).ToList(), root));
        for (var node = 0; node < proof.Count; node++)
        {
            var changed = proof.Select(p => p.ToArray()).ToList();
            changed[node][0] ^= 1;
            Assert.False(MerkleProofs.VerifyInclusion(6, 13, leafHash, changed, root), $"node {node} changed");
        }
    }

    [Fact]
    public async Task A_consistency_proof_fails_when_the_old_tree_was_rewritten()
    {
        var leaves = Leaves(21);
        var tree = Tree(leaves);
        var proof = await tree.ConsistencyProofAsync(11, 21);
        var oldRoot = await tree.RootAsync(11);
        var newRoot = await tree.RootAsync(21);
        var rewritten = leaves.ToArray();
        rewritten[4] = [0xff];
        var rewrittenTree = Tree(rewritten);

        Assert.True(MerkleProofs.VerifyConsistency(11, 21, oldRoot, newRoot, proof));
        var rewrittenRoot = await rewrittenTree.RootAsync(21);
        var rewrittenProof = await rewrittenTree.ConsistencyProofAsync(11, 21);
        Assert.False(MerkleProofs.VerifyConsistency(11, 21, oldRoot, rewrittenRoot, rewrittenProof));
        Assert.False(MerkleProofs.VerifyConsistency(10, 21, oldRoot, newRoot, proof));
        Assert.False(MerkleProofs.VerifyConsistency(11, 21, oldRoot, newRoot, proof.Skip(1).ToList()));
    }

    [Fact]
    public void Appending_a_leaf_completes_itself_and_each_parent_it_fills()
    {
        Assert.Equal([new PerfectSubtree(0, 0)], PerfectSubtree.CompletedBy(0));
        Assert.Equal([new PerfectSubtree(0, 1), new PerfectSubtree(1, 0)], PerfectSubtree.CompletedBy(1));
        Assert.Equal([new PerfectSubtree(0, 6)], PerfectSubtree.CompletedBy(6));
        Assert.Equal([new PerfectSubtree(0, 7), new PerfectSubtree(1, 3), new PerfectSubtree(2, 1), new PerfectSubtree(3, 0)], PerfectSubtree.CompletedBy(7));
    }

    private static byte[][] Leaves(int count) => [.. Enumerable.Range(0, count).Select(i => BitConverter.GetBytes(i * 7919))];

    /// <summary>The tree as the store keeps it: each leaf appended in turn, writing the subtrees it completes, once.</summary>
    private static MerkleTree Tree(byte[][] leaves)
    {
        var subtrees = new Dictionary<PerfectSubtree, byte[]>();
        for (var leaf = 0L; leaf < leaves.Length; leaf++)
        {
            foreach (var subtree in PerfectSubtree.CompletedBy(leaf))
            {
                var hash = subtree.Level == 0
                    ? MerkleHashes.Leaf(leaves[leaf])
                    : MerkleHashes.Node(subtrees[new PerfectSubtree(subtree.Level - 1, subtree.Index * 2)], subtrees[new PerfectSubtree(subtree.Level - 1, (subtree.Index * 2) + 1)]);
                Assert.True(subtrees.TryAdd(subtree, hash), $"{subtree} written twice");
            }
        }

        return new MerkleTree((wanted, _) => ValueTask.FromResult<IReadOnlyDictionary<PerfectSubtree, byte[]>>(wanted.ToDictionary(
            subtree => subtree,
            subtree => subtrees.TryGetValue(subtree, out var hash) ? hash : throw new InvalidOperationException($"{subtree} is not complete in a tree of {leaves.Length} leaves"))));
    }

    /// <summary>MTH as RFC 9162 §2.1.1 defines it, straight from the recursion.</summary>
    private static byte[] DefinedRoot(ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 1)
        {
            return MerkleHashes.Leaf(leaves[0]);
        }

        var k = 1;
        while (k * 2 < leaves.Length)
        {
            k *= 2;
        }

        return MerkleHashes.Node(DefinedRoot(leaves[..k]), DefinedRoot(leaves[k..]));
    }
}
