namespace EventDialogue.EventStore.Integrity;

/// <summary>
/// The leaves [<see cref="Start"/>, <see cref="End"/>) of a range whose hash, MTH(D[start:end]), a root or a proof
/// needs. Every range the RFC 9162 recursion reaches starts at a multiple of the smallest power of two that holds it,
/// so its hash is made of the perfect subtrees its size decomposes into, largest first (one per bit of the size).
/// </summary>
public readonly record struct LeafRange(long Start, long End)
{
    public long Count => End - Start;

    /// <summary>The perfect subtrees whose hashes make this range's, leftmost (largest) first.</summary>
    /// <exception cref="InvalidOperationException">The range is empty, or does not start where the recursion would reach it.</exception>
    public IReadOnlyList<PerfectSubtree> Subtrees()
    {
        if (Count <= 0 || Start % PowerOfTwoAtLeast(Count) != 0)
        {
            throw new InvalidOperationException($"the leaves {Start} to {End - 1} are not a range the tree's recursion reaches");
        }

        var subtrees = new List<PerfectSubtree>();
        var first = Start;
        for (var level = 62; level >= 0; level--)
        {
            if ((Count & (1L << level)) != 0)
            {
                subtrees.Add(new PerfectSubtree(level, first >> level));
                first += 1L << level;
            }
        }

        return subtrees;
    }

    /// <summary>
    /// MTH of the range from the hashes of its <see cref="Subtrees"/>: the tree of n leaves splits at the largest power of
    /// two below n, which is its first subtree, so the hash folds from the right.
    /// </summary>
    public byte[] HashFrom(IReadOnlyDictionary<PerfectSubtree, byte[]> subtreeHashes)
    {
        ArgumentNullException.ThrowIfNull(subtreeHashes);
        var subtrees = Subtrees();
        var hash = subtreeHashes[subtrees[^1]];
        for (var i = subtrees.Count - 2; i >= 0; i--)
        {
            hash = MerkleHashes.Node(subtreeHashes[subtrees[i]], hash);
        }

        return hash;
    }

    private static long PowerOfTwoAtLeast(long n) => n == 1 ? 1 : 1L << (64 - (int)long.LeadingZeroCount(n - 1));
}
