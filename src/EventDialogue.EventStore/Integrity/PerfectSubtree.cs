namespace EventDialogue.EventStore.Integrity;

/// <summary>
/// A complete subtree of the log's Merkle tree: the 2^<see cref="Level"/> leaves from <see cref="Index"/> × 2^level on.
/// Once its last leaf is appended its hash never changes, so these are what the store keeps (each written once, never
/// updated), and every other hash of the tree — a root, a proof's nodes — is combined from O(log n) of them.
/// </summary>
public readonly record struct PerfectSubtree(int Level, long Index)
{
    public long FirstLeaf => Index << Level;

    public long LeafCount => 1L << Level;

    /// <summary>The subtrees completed by appending leaf <paramref name="leaf"/>: itself, then each parent it completes.</summary>
    public static IEnumerable<PerfectSubtree> CompletedBy(long leaf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leaf);
        var level = 0;
        var index = leaf;
        yield return new PerfectSubtree(0, leaf);
        while ((index & 1) == 1)
        {
            level++;
            index >>= 1;
            yield return new PerfectSubtree(level, index);
        }
    }
}
