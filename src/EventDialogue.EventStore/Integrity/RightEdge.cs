namespace EventDialogue.EventStore.Integrity;

/// <summary>
/// The root of a Merkle tree whose leaves arrive one by one, as an auditor replaying the log folds them: only the
/// tree's right edge is kept — the hashes of the perfect subtrees that the binary form of the size decomposes it into,
/// O(log n) of them — so a log of any length is checked in constant memory. A copy is a snapshot to resume from.
/// </summary>
public sealed class RightEdge
{
    // Largest (leftmost) subtree first; each is a perfect subtree, strictly smaller than the one before it.
    private readonly List<(int Level, byte[] Hash)> _subtrees;

    public RightEdge()
        : this([], 0)
    {
    }

    private RightEdge(List<(int Level, byte[] Hash)> subtrees, long size)
    {
        _subtrees = subtrees;
        Size = size;
    }

    /// <summary>How many leaves have been added.</summary>
    public long Size { get; private set; }

    public void Add(byte[] leafHash)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        var (level, hash) = (0, leafHash);
        // Two perfect subtrees of one level side by side are the two halves of the next level's.
        while (_subtrees.Count > 0 && _subtrees[^1].Level == level)
        {
            hash = MerkleHashes.Node(_subtrees[^1].Hash, hash);
            _subtrees.RemoveAt(_subtrees.Count - 1);
            level++;
        }

        _subtrees.Add((level, hash));
        Size++;
    }

    /// <summary>MTH of the leaves so far (RFC 9162 §2.1.1): each split puts the largest perfect subtree on the left.</summary>
    public byte[] Root()
    {
        if (_subtrees.Count == 0)
        {
            return MerkleHashes.EmptyRoot;
        }

        var root = _subtrees[^1].Hash;
        for (var i = _subtrees.Count - 2; i >= 0; i--)
        {
            root = MerkleHashes.Node(_subtrees[i].Hash, root);
        }

        return root;
    }

    public RightEdge Copy() => new([.. _subtrees], Size);
}
