using System.Security.Cryptography;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.EventStore.Tests.Integrity;

/// <summary>
/// The store's proofs against a second implementation written here straight from RFC 9162's definitions (§2.1.1 MTH,
/// §2.1.3.1 PATH, §2.1.4.1 PROOF/SUBPROOF), sharing no code with the store's (its own hashing, its own recursion over
/// the leaves): for every tree size from 1 to 300, every leaf's audit path and every older size's consistency proof
/// must be the very same hashes, in the same order.
/// </summary>
public sealed class RfcProofOracleTests
{
    private const int MaxSize = 300;

    private static readonly byte[][] LeafData = [.. Enumerable.Range(0, MaxSize).Select(i => BitConverter.GetBytes((i * 2_654_435_761L) ^ 0x5bd1e995))];

    private readonly Dictionary<(int Start, int End), byte[]> _mth = [];

    [Fact]
    public async Task Every_audit_path_up_to_300_leaves_is_the_one_the_RFC_defines()
    {
        var tree = StoreTree();
        for (var size = 1; size <= MaxSize; size++)
        {
            for (var leaf = 0; leaf < size; leaf++)
            {
                var expected = new List<byte[]>();
                Path(leaf, 0, size, expected);
                var actual = await tree.InclusionProofAsync(leaf, size);
                Assert.True(Same(expected, actual), $"PATH({leaf}, D[{size}]) differs");
            }
        }
    }

    [Fact]
    public async Task Every_consistency_proof_up_to_300_leaves_is_the_one_the_RFC_defines()
    {
        var tree = StoreTree();
        for (var size = 1; size <= MaxSize; size++)
        {
            var root = await tree.RootAsync(size);
            Assert.True(Mth(0, size).SequenceEqual(root), $"MTH(D[{size}]) differs");
            for (var old = 1; old < size; old++)
            {
                var expected = new List<byte[]>();
                SubProof(old, 0, size, complete: true, expected);
                var actual = await tree.ConsistencyProofAsync(old, size);
                Assert.True(Same(expected, actual), $"PROOF({old}, D[{size}]) differs");
            }
        }
    }

    /// <summary>The store's tree over the same leaves, kept as the store keeps it: perfect subtrees, each written once.</summary>
    private static MerkleTree StoreTree()
    {
        var subtrees = new Dictionary<PerfectSubtree, byte[]>();
        for (var leaf = 0L; leaf < MaxSize; leaf++)
        {
            foreach (var subtree in PerfectSubtree.CompletedBy(leaf))
            {
                subtrees[subtree] = subtree.Level == 0
                    ? MerkleHashes.Leaf(LeafData[leaf])
                    : MerkleHashes.Node(subtrees[new PerfectSubtree(subtree.Level - 1, subtree.Index * 2)], subtrees[new PerfectSubtree(subtree.Level - 1, (subtree.Index * 2) + 1)]);
            }
        }

        return new MerkleTree((subtree, _) => ValueTask.FromResult(subtrees[subtree]));
    }

    // PATH(m, D[n]) for n > 1: PATH(m, D[0:k]) : MTH(D[k:n]) when m < k, else PATH(m - k, D[k:n]) : MTH(D[0:k]).
    private void Path(int m, int start, int end, List<byte[]> path)
    {
        if (end - start <= 1)
        {
            return;
        }

        var k = SplitOf(end - start);
        if (m < k)
        {
            Path(m, start, start + k, path);
            path.Add(Mth(start + k, end));
        }
        else
        {
            Path(m - k, start + k, end, path);
            path.Add(Mth(start, start + k));
        }
    }

    // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}; for m < n, with k the split of n:
    // m <= k: SUBPROOF(m, D[0:k], b) : MTH(D[k:n]); m > k: SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k]).
    private void SubProof(int m, int start, int end, bool complete, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!complete)
            {
                proof.Add(Mth(start, end));
            }

            return;
        }

        var k = SplitOf(n);
        if (m <= k)
        {
            SubProof(m, start, start + k, complete, proof);
            proof.Add(Mth(start + k, end));
        }
        else
        {
            SubProof(m - k, start + k, end, complete: false, proof);
            proof.Add(Mth(start, start + k));
        }
    }

    // MTH(D[n]) = SHA-256(0x00 || d0) for one leaf; SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])) for more.
    private byte[] Mth(int start, int end)
    {
        if (_mth.TryGetValue((start, end), out var known))
        {
            return known;
        }

        var hash = end - start == 1
            ? SHA256.HashData([0x00, .. LeafData[start]])
            : SHA256.HashData([0x01, .. Mth(start, start + SplitOf(end - start)), .. Mth(start + SplitOf(end - start), end)]);
        _mth[(start, end)] = hash;
        return hash;
    }

    /// <summary>k: the largest power of two smaller than n.</summary>
    private static int SplitOf(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }

    private static bool Same(List<byte[]> expected, IReadOnlyList<byte[]> actual) =>
        expected.Count == actual.Count && expected.Zip(actual).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second));
}
