namespace EventDialogue.EventStore.Integrity;

/// <summary>
/// The tree hash, inclusion proofs and consistency proofs of RFC 9162 §2.1, computed from the hashes of perfect subtrees
/// (see <see cref="PerfectSubtree"/>) that <paramref name="subtreeHash"/> looks up: a proof costs O(log n) lookups.
/// </summary>
public sealed class MerkleTree(Func<PerfectSubtree, CancellationToken, ValueTask<byte[]>> subtreeHash)
{
    /// <summary>MTH(D[0:n]), the root of the first <paramref name="size"/> leaves.</summary>
    public ValueTask<byte[]> RootAsync(long size, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return size == 0 ? ValueTask.FromResult(MerkleHashes.EmptyRoot) : RangeHashAsync(0, size, cancellationToken);
    }

    /// <summary>PATH(m, D[0:n]): the audit path of leaf <paramref name="leaf"/> in the tree of the first <paramref name="size"/> leaves, leaf side first.</summary>
    public async ValueTask<IReadOnlyList<byte[]>> InclusionProofAsync(long leaf, long size, CancellationToken cancellationToken = default)
    {
        if (leaf < 0 || leaf >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(leaf), leaf, $"a tree of {size} leaves has leaves 0 to {size - 1}");
        }

        var path = new List<byte[]>();
        await PathAsync(leaf, 0, size, path, cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>PROOF(m, D[0:n]): that the tree of <paramref name="oldSize"/> leaves is a prefix of the tree of <paramref name="newSize"/>.</summary>
    public async ValueTask<IReadOnlyList<byte[]>> ConsistencyProofAsync(long oldSize, long newSize, CancellationToken cancellationToken = default)
    {
        if (oldSize < 0 || oldSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), oldSize, $"the old size must be between 0 and the new size {newSize}");
        }

        var proof = new List<byte[]>();
        if (oldSize > 0 && oldSize < newSize)
        {
            await SubProofAsync(oldSize, 0, newSize, complete: true, proof, cancellationToken).ConfigureAwait(false);
        }

        return proof;
    }

    // PATH(m, D[start:end]) = PATH(m, left) : MTH(right) when m is in the left part, else PATH(m - k, right) : MTH(left).
    private async ValueTask PathAsync(long leaf, long start, long end, List<byte[]> path, CancellationToken cancellationToken)
    {
        if (end - start == 1)
        {
            return;
        }

        var split = start + LargestPowerOfTwoBelow(end - start);
        if (leaf < split)
        {
            await PathAsync(leaf, start, split, path, cancellationToken).ConfigureAwait(false);
            path.Add(await RangeHashAsync(split, end, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            await PathAsync(leaf, split, end, path, cancellationToken).ConfigureAwait(false);
            path.Add(await RangeHashAsync(start, split, cancellationToken).ConfigureAwait(false));
        }
    }

    // SUBPROOF(m, D[start:end], b) of RFC 9162 §2.1.4.1, with m counted from start.
    private async ValueTask SubProofAsync(long oldSize, long start, long end, bool complete, List<byte[]> proof, CancellationToken cancellationToken)
    {
        if (oldSize == end - start)
        {
            if (!complete)
            {
                proof.Add(await RangeHashAsync(start, end, cancellationToken).ConfigureAwait(false));
            }

            return;
        }

        var half = LargestPowerOfTwoBelow(end - start);
        if (oldSize <= half)
        {
            await SubProofAsync(oldSize, start, start + half, complete, proof, cancellationToken).ConfigureAwait(false);
            proof.Add(await RangeHashAsync(start + half, end, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            await SubProofAsync(oldSize - half, start + half, end, complete: false, proof, cancellationToken).ConfigureAwait(false);
            proof.Add(await RangeHashAsync(start, start + half, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// MTH(D[start:end]) for a range the recursion reaches: its left part is always a perfect subtree (start is a multiple
    /// of its size), so one lookup each, and only the right edge recurses.
    /// </summary>
    private async ValueTask<byte[]> RangeHashAsync(long start, long end, CancellationToken cancellationToken)
    {
        var count = end - start;
        if ((count & (count - 1)) == 0 && start % count == 0)
        {
            return await subtreeHash(new PerfectSubtree(Level(count), start / count), cancellationToken).ConfigureAwait(false);
        }

        var split = start + LargestPowerOfTwoBelow(count);
        var left = await RangeHashAsync(start, split, cancellationToken).ConfigureAwait(false);
        var right = await RangeHashAsync(split, end, cancellationToken).ConfigureAwait(false);
        return MerkleHashes.Node(left, right);
    }

    /// <summary>The largest power of two strictly below <paramref name="n"/> (n ≥ 2): the size of the left subtree.</summary>
    internal static long LargestPowerOfTwoBelow(long n) => 1L << (63 - (int)long.LeadingZeroCount(n - 1));

    private static int Level(long powerOfTwo) => 63 - (int)long.LeadingZeroCount(powerOfTwo);
}
