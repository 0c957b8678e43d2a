using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Server.Integrity;

/// <summary>
/// The root of a tree recomputed leaf by leaf, independently of the stored interior hashes it starts from: it keeps only
/// the right edge (one hash per bit of the size), so a replay of any length needs O(log n) memory.
/// </summary>
internal sealed class TreeFold
{
    private readonly List<(int Level, byte[] Hash)> _edge = [];

    public long Size { get; private set; }

    /// <summary>A fold that starts after the first <paramref name="size"/> leaves, from the stored hashes of their right edge.</summary>
    public static async Task<TreeFold> StartingAtAsync(ILogTree tree, long size, CancellationToken cancellationToken)
    {
        var fold = new TreeFold { Size = size };
        var edge = TreeGrowth.RightEdge(size);
        if (edge.Count == 0)
        {
            return fold;
        }

        var hashes = await tree.ReadSubtreeHashesAsync(edge, cancellationToken);
        foreach (var subtree in edge)
        {
            fold._edge.Add((subtree.Level, hashes[subtree]));
        }

        return fold;
    }

    public void Append(byte[] leafHash)
    {
        var node = (Level: 0, Hash: leafHash);
        while (_edge.Count > 0 && _edge[^1].Level == node.Level)
        {
            node = (node.Level + 1, MerkleHashes.Node(_edge[^1].Hash, node.Hash));
            _edge.RemoveAt(_edge.Count - 1);
        }

        _edge.Add(node);
        Size++;
    }

    /// <summary>MTH of the leaves so far: the edge's hashes folded from the right.</summary>
    public byte[] Root()
    {
        if (_edge.Count == 0)
        {
            return MerkleHashes.EmptyRoot;
        }

        var root = _edge[^1].Hash;
        for (var i = _edge.Count - 2; i >= 0; i--)
        {
            root = MerkleHashes.Node(_edge[i].Hash, root);
        }

        return root;
    }
}
