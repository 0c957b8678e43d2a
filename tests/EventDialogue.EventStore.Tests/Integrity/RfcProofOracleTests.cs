using System.Security.Cryptography;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.EventStore.Tests.Integrity;

/// <summary>
/// The store's proofs against a second implementation written here straight from RFC 9162's definitions (§2.1.1 MTH,
/// §2.1.3.1 PATH, §2.1.4.1 PROOF/SUBPROOF), sharing no code with the store's (its own hashing, its own recursion over
/// the leaves): for every tree size from 1 to 300, every leaf's audit path and every older size's consistency proof
/// must be the very same hashes, in the same order. And each must cost the store one read, of exactly the stored
/// subtrees that the RFC's recursion reaches first below each hash of the answer: no more, none twice, none missing.
/// </summary>
public sealed class RfcProofOracleTests
{
    private const int MaxSize = 300;

    private static readonly byte[][] LeafData = [.. Enumerable.Range(0, MaxSize).Select(i => BitConverter.GetBytes((i * 2_654_435_761L) ^ 0x5bd1e995))];

    private readonly Dictionary<(int Start, int End), byte[]> _mth = [];

    // Every read the store's tree made, in order: the subtrees asked for.
    private readonly List<IReadOnlyList<PerfectSubtree>> _reads = [];

    [Fact]
    public async Task Every_audit_path_up_to_300_leaves_is_the_one_the_RFC_defines_read_at_once()
    {
        var tree = StoreTree();
        for (var size = 1; size <= MaxSize; size++)
        {
            for (var leaf = 0; leaf < size; leaf++)
            {
                var ranges = new List<(int Start, int End)>();
                Path(leaf, 0, size, ranges);
                _reads.Clear();
                var actual = await tree.InclusionProofAsync(leaf, size);
                Assert.True(Same(ranges, actual), $"PATH({leaf}, D[{size}]) differs");
                AssertReadOnce(ranges, $"PATH({leaf}, D[{size}])");
            }
        }
    }

    [Fact]
    public async Task Every_consistency_proof_up_to_300_leaves_is_the_one_the_RFC_defines_read_at_once()
    {
        var tree = StoreTree();
        for (var size = 1; size <= MaxSize; size++)
        {
            _reads.Clear();
            var root = await tree.RootAsync(size);
            Assert.True(Mth(0, size).SequenceEqual(root), $"MTH(D[{size}]) differs");
            AssertReadOnce([(0, size)], $"MTH(D[{size}])");
            for (var old = 1; old < size; old++)
            {
                var ranges = new List<(int Start, int End)>();
                SubProof(old, 0, size, complete: true, ranges);
                _reads.Clear();
                var actual = await tree.ConsistencyProofAsync(old, size);
                Assert.True(Same(ranges, actual), $"PROOF({old}, D[{size}]) differs");
                AssertReadOnce(ranges, $"PROOF({old}, D[{size}])");
            }
        }
    }

    [Fact]
    public async Task A_proof_that_reads_once_per_node_would_fail_the_one_read_check()
    {
        // The check itself can fail: the same proof, asked of a tree that reads its nodes one at a time.
        var perNode = StoreTree(oneReadPerNode: true);
        var ranges = new List<(int Start, int End)>();
        Path(100, 0, 300, ranges);

        await perNode.InclusionProofAsync(100, 300);

        Assert.Throws<Xunit.Sdk.EqualException>(() => AssertReadOnce(ranges, "PATH(100, D[300])"));
    }

    /// <summary>
    /// The store's tree over the same leaves, kept as the store keeps it (perfect subtrees, each written once), with each
    /// read it makes noted; <paramref name="oneReadPerNode"/> splits every read into one per subtree, as stores once did.
    /// </summary>
    private MerkleTree StoreTree(bool oneReadPerNode = false)
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

        return new MerkleTree((wanted, _) =>
        {
            _reads.AddRange(oneReadPerNode ? wanted.Select(subtree => (IReadOnlyList<PerfectSubtree>)[subtree]) : [wanted]);
            return ValueTask.FromResult<IReadOnlyDictionary<PerfectSubtree, byte[]>>(wanted.ToDictionary(subtree => subtree, subtree => subtrees[subtree]));
        });
    }

    /// <summary>
    /// One read for an answer that needs a stored hash, none for an empty one; and what it asked for is, each once, the
    /// stored subtrees under the answer's ranges (<see cref="StoredParts"/>).
    /// </summary>
    private void AssertReadOnce(List<(int Start, int End)> ranges, string answer)
    {
        var needed = ranges.SelectMany(range => StoredParts(range.Start, range.End)).ToHashSet();
        Assert.Equal(needed.Count == 0 ? 0 : 1, _reads.Count);
        if (needed.Count > 0)
        {
            var asked = _reads[0];
            Assert.True(asked.Count == asked.Distinct().Count(), $"{answer} asked for a node twice");
            Assert.True(needed.SetEquals(asked.Select(subtree => (checked((int)subtree.FirstLeaf), checked((int)(subtree.FirstLeaf + subtree.LeafCount))))), $"{answer} asked for other nodes than it needs");
        }
    }

    // The ranges a store keeps a hash of, reached first by MTH's recursion below D[start:end]: MTH splits a range until
    // its size is a power of two (such a range is a perfect subtree, stored), so those ranges are what a read needs.
    private static IEnumerable<(int Start, int End)> StoredParts(int start, int end)
    {
        var n = end - start;
        if ((n & (n - 1)) == 0)
        {
            return [(start, end)];
        }

        var k = SplitOf(n);
        return StoredParts(start, start + k).Concat(StoredParts(start + k, end));
    }

    // PATH(m, D[n]) for n > 1: PATH(m, D[0:k]) : MTH(D[k:n]) when m < k, else PATH(m - k, D[k:n]) : MTH(D[0:k]).
    private static void Path(int m, int start, int end, List<(int Start, int End)> path)
    {
        if (end - start <= 1)
        {
            return;
        }

        var k = SplitOf(end - start);
        if (m < k)
        {
            Path(m, start, start + k, path);
            path.Add((start + k, end));
        }
        else
        {
            Path(m - k, start + k, end, path);
            path.Add((start, start + k));
        }
    }

    // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}; for m < n, with k the split of n:
    // m <= k: SUBPROOF(m, D[0:k], b) : MTH(D[k:n]); m > k: SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k]).
    private static void SubProof(int m, int start, int end, bool complete, List<(int Start, int End)> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!complete)
            {
                proof.Add((start, end));
            }

            return;
        }

        var k = SplitOf(n);
        if (m <= k)
        {
            SubProof(m, start, start + k, complete, proof);
            proof.Add((start + k, end));
        }
        else
        {
            SubProof(m - k, start + k, end, complete: false, proof);
            proof.Add((start, start + k));
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

    /// <summary>Whether the answer is MTH of each of the RFC's ranges, in order.</summary>
    private bool Same(List<(int Start, int End)> expected, IReadOnlyList<byte[]> actual) =>
        expected.Count == actual.Count && expected.Zip(actual).All(pair => Mth(pair.First.Start, pair.First.End).AsSpan().SequenceEqual(pair.Second));
}
