namespace EventDialogue.EventStore.Integrity;

/// <summary>
/// What a store writes when leaves are appended to its tree: starting from the right edge of the tree it has (the
/// hashes of <see cref="RightEdge"/>, read in the append's own transaction), each new leaf and every interior subtree it
/// completes, with their hashes. Only new nodes come out; no stored hash is ever changed.
/// </summary>
public sealed class TreeGrowth
{
    private readonly List<(PerfectSubtree Subtree, byte[] Hash)> _edge;

    /// <param name="size">The number of leaves the tree has.</param>
    /// <param name="edgeHashes">The hashes of <see cref="RightEdge"/>(<paramref name="size"/>), in its order.</param>
    public TreeGrowth(long size, IReadOnlyList<byte[]> edgeHashes)
    {
        ArgumentNullException.ThrowIfNull(edgeHashes);
        var edge = RightEdge(size);
        if (edge.Count != edgeHashes.Count)
        {
            throw new InvalidOperationException($"a tree of {size} leaves has {edge.Count} subtrees on its right edge, not {edgeHashes.Count}: the stored tree is incomplete");
        }

        Size = size;
        _edge = [.. edge.Zip(edgeHashes, (subtree, hash) => (subtree, hash))];
    }

    /// <summary>The number of leaves, the appended ones included.</summary>
    public long Size { get; private set; }

    /// <summary>
    /// The perfect subtrees a tree of <paramref name="size"/> leaves is made of, largest (leftmost) first: one per bit set
    /// in the size. Appending needs only these: every subtree a new leaf completes has them as its left parts.
    /// </summary>
    public static IReadOnlyList<PerfectSubtree> RightEdge(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var edge = new List<PerfectSubtree>();
        long start = 0;
        for (var level = 62; level >= 0; level--)
        {
            if ((size & (1L << level)) != 0)
            {
                edge.Add(new PerfectSubtree(level, start >> level));
                start += 1L << level;
            }
        }

        return edge;
    }

    /// <summary>
    /// Appends leaf number <see cref="Size"/>: returns the nodes to store, the leaf (level 0) first, then each interior
    /// subtree it completes (<see cref="PerfectSubtree.CompletedBy"/>) with its hash.
    /// </summary>
    public IReadOnlyList<(PerfectSubtree Subtree, byte[] Hash)> Append(byte[] leafHash)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        if (leafHash.Length != MerkleHashes.Size)
        {
            throw new ArgumentException($"a leaf hash has {MerkleHashes.Size} bytes, not {leafHash.Length}", nameof(leafHash));
        }

        var written = new List<(PerfectSubtree, byte[])>();
        var node = (Subtree: new PerfectSubtree(0, Size), Hash: leafHash);
        written.Add(node);
        while (_edge.Count > 0 && _edge[^1].Subtree.Level == node.Subtree.Level)
        {
            var left = _edge[^1];
            _edge.RemoveAt(_edge.Count - 1);
            node = (new PerfectSubtree(node.Subtree.Level + 1, left.Subtree.Index >> 1), MerkleHashes.Node(left.Hash, node.Hash));
            written.Add(node);
        }

        _edge.Add(node);
        Size++;
        return written;
    }
}
