namespace EventDialogue.EventStore.Integrity;

/// <summary>
/// The log's Merkle tree as a store keeps it, beside the events: leaf i is the i-th event of $all in position order
/// (positions may have gaps; leaf indexes do not), its hash <see cref="CanonicalEvent.LeafHash"/>; the hashes of perfect
/// subtrees are written in the same transaction as the append that completes them, once, never updated. Proofs are
/// built over <see cref="ReadSubtreeHashesAsync"/> by <see cref="MerkleTree"/>, one read each. Signed checkpoints are
/// kept here too, so that an auditor can ask for any past one.
/// </summary>
public interface ILogTree
{
    /// <summary>The committed tree: its size (the number of events) and root hash.</summary>
    Task<TreeHead> ReadTreeHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>The leaf index of the event at this position, or null when no event has it (or it is not yet committed).</summary>
    Task<long?> ReadLeafIndexAsync(Position position, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored hashes of these complete subtrees of the committed tree, by subtree, read in one query: a root or a
    /// proof needs O(log n) of them (<see cref="ProofPlan.Nodes"/>), and on a server each query is a round trip.
    /// </summary>
    /// <exception cref="InvalidStoreRequestException">One of the subtrees is not complete yet (the first such is named).</exception>
    ValueTask<IReadOnlyDictionary<PerfectSubtree, byte[]>> ReadSubtreeHashesAsync(IReadOnlyList<PerfectSubtree> subtrees, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored leaves from this leaf index on, in index order, each with the position of its event: for checking
    /// the stored tree against the stored events (a start-up or full check), not for proofs.
    /// </summary>
    IAsyncEnumerable<StoredLeaf> ReadLeavesAsync(long fromIndex, int maxCount = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>The kept checkpoints of this tree size and larger, in size order.</summary>
    IAsyncEnumerable<StoredCheckpoint> ReadCheckpointsAsync(long fromSize, int maxCount = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>Keeps a signed checkpoint (a signed note of <see cref="Checkpoint"/>); one per tree size, the first kept wins.</summary>
    Task AppendCheckpointAsync(long treeSize, string signedNote, CancellationToken cancellationToken = default);

    /// <summary>The signed checkpoint of this tree size, or the latest one when null; null when none is kept.</summary>
    Task<StoredCheckpoint?> ReadCheckpointAsync(long? treeSize = null, CancellationToken cancellationToken = default);
}

/// <summary>The size and root hash of the committed tree.</summary>
public sealed record TreeHead(long Size, byte[] RootHash);

/// <summary>A signed checkpoint as kept: its tree size, the signed note and when it was signed.</summary>
public sealed record StoredCheckpoint(long TreeSize, string SignedNote, DateTimeOffset SignedAt);

/// <summary>A leaf as stored: its index, the position of the event it stands for, and its hash.</summary>
public sealed record StoredLeaf(long Index, Position Position, byte[] Hash);
