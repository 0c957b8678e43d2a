namespace EventDialogue.EventStore.Integrity;

/// <summary>
/// The hashes a root or a proof is made of (RFC 9162 §2.1), as ranges of leaves in the proof's order, worked out from
/// the sizes and the leaf index alone, before any hash is read: so a store can be asked for all the
/// <see cref="Nodes"/> at once (one query, not one per node), and the proof folded from them in memory.
/// </summary>
public sealed class ProofPlan
{
    private ProofPlan(IReadOnlyList<LeafRange> ranges)
    {
        Ranges = ranges;
        Nodes = [.. ranges.SelectMany(range => range.Subtrees()).Distinct()];
    }

    /// <summary>The ranges whose hashes are the answer, in its order.</summary>
    public IReadOnlyList<LeafRange> Ranges { get; }

    /// <summary>Every stored subtree the answer needs, each once: O(log n) of them.</summary>
    public IReadOnlyList<PerfectSubtree> Nodes { get; }

    /// <summary>MTH(D[0:size]) for size ≥ 1 (the empty tree's root needs no node).</summary>
    public static ProofPlan Root(long size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return new ProofPlan([new LeafRange(0, size)]);
    }

    /// <summary>PATH(m, D[0:n]): the audit path of leaf <paramref name="leaf"/> in the tree of <paramref name="size"/> leaves, leaf side first.</summary>
    public static ProofPlan Inclusion(long leaf, long size)
    {
        if (leaf < 0 || leaf >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(leaf), leaf, $"a tree of {size} leaves has leaves 0 to {size - 1}");
        }

        var path = new List<LeafRange>();
        AddPath(leaf, 0, size, path);
        return new ProofPlan(path);
    }

    /// <summary>PROOF(m, D[0:n]): that the tree of <paramref name="oldSize"/> leaves is a prefix of the tree of <paramref name="newSize"/>.</summary>
    public static ProofPlan Consistency(long oldSize, long newSize)
    {
        if (oldSize < 0 || oldSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), oldSize, $"the old size must be between 0 and the new size {newSize}");
        }

        var proof = new List<LeafRange>();
        if (oldSize > 0 && oldSize < newSize)
        {
            AddSubProof(oldSize, 0, newSize, complete: true, proof);
        }

        return new ProofPlan(proof);
    }

    /// <summary>The answer's hashes, from the stored hashes of (at least) <see cref="Nodes"/>.</summary>
    public IReadOnlyList<byte[]> Fold(IReadOnlyDictionary<PerfectSubtree, byte[]> subtreeHashes) =>
        [.. Ranges.Select(range => range.HashFrom(subtreeHashes))];

    // PATH(m, D[start:end]) = PATH(m, left) : MTH(right) when m is in the left part, else PATH(m - k, right) : MTH(left).
    private static void AddPath(long leaf, long start, long end, List<LeafRange> path)
    {
        if (end - start == 1)
        {
            return;
        }

        var split = start + LargestPowerOfTwoBelow(end - start);
        if (leaf < split)
        {
            AddPath(leaf, start, split, path);
            path.Add(new LeafRange(split, end));
        }
        else
        {
            AddPath(leaf, split, end, path);
            path.Add(new LeafRange(start, split));
        }
    }

    // SUBPROOF(m, D[start:end], b) of RFC 9162 §2.1.4.1, with m counted from start.
    private static void AddSubProof(long oldSize, long start, long end, bool complete, List<LeafRange> proof)
    {
        if (oldSize == end - start)
        {
            if (!complete)
            {
                proof.Add(new LeafRange(start, end));
            }

            return;
        }

        var half = LargestPowerOfTwoBelow(end - start);
        if (oldSize <= half)
        {
            AddSubProof(oldSize, start, start + half, complete, proof);
            proof.Add(new LeafRange(start + half, end));
        }
        else
        {
            AddSubProof(oldSize - half, start + half, end, complete: false, proof);
            proof.Add(new LeafRange(start, start + half));
        }
    }

    /// <summary>The largest power of two strictly below <paramref name="n"/> (n ≥ 2): the size of the left subtree.</summary>
    private static long LargestPowerOfTwoBelow(long n) => 1L << (63 - (int)long.LeadingZeroCount(n - 1));
}
