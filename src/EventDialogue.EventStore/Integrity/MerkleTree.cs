namespace EventDialogue.EventStore.Integrity;

/// <summary>
/// The tree hash, inclusion proofs and consistency proofs of RFC 9162 §2.1, computed from the hashes of perfect subtrees
/// (see <see cref="PerfectSubtree"/>) that <paramref name="readSubtreeHashes"/> looks up. Each answer lists the nodes it
/// needs first (<see cref="ProofPlan"/>) and asks for them in one read: on a database server a read is a round trip,
/// and a proof one read per node cost 15–30 of them.
/// </summary>
public sealed class MerkleTree(Func<IReadOnlyList<PerfectSubtree>, CancellationToken, ValueTask<IReadOnlyDictionary<PerfectSubtree, byte[]>>> readSubtreeHashes)
{
    /// <summary>MTH(D[0:n]), the root of the first <paramref name="size"/> leaves.</summary>
    public async ValueTask<byte[]> RootAsync(long size, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return size == 0 ? MerkleHashes.EmptyRoot : (await AnswerAsync(ProofPlan.Root(size), cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>PATH(m, D[0:n]): the audit path of leaf <paramref name="leaf"/> in the tree of the first <paramref name="size"/> leaves, leaf side first.</summary>
    public ValueTask<IReadOnlyList<byte[]>> InclusionProofAsync(long leaf, long size, CancellationToken cancellationToken = default) =>
        AnswerAsync(ProofPlan.Inclusion(leaf, size), cancellationToken);

    /// <summary>PROOF(m, D[0:n]): that the tree of <paramref name="oldSize"/> leaves is a prefix of the tree of <paramref name="newSize"/>.</summary>
    public ValueTask<IReadOnlyList<byte[]>> ConsistencyProofAsync(long oldSize, long newSize, CancellationToken cancellationToken = default) =>
        AnswerAsync(ProofPlan.Consistency(oldSize, newSize), cancellationToken);

    private async ValueTask<IReadOnlyList<byte[]>> AnswerAsync(ProofPlan plan, CancellationToken cancellationToken)
    {
        // An empty proof (a one-leaf tree, equal sizes) needs nothing stored: no read at all.
        if (plan.Nodes.Count == 0)
        {
            return [];
        }

        var hashes = await readSubtreeHashes(plan.Nodes, cancellationToken).ConfigureAwait(false);
        return plan.Fold(hashes);
    }
}
