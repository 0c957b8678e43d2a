namespace EventDialogue.EventStore.Integrity;

/// <summary>
/// Checks proofs as an auditor does, with nothing but the proof, the hashes it is checked against and the sizes:
/// the verification algorithms of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency).
/// </summary>
public static class MerkleProofs
{
    /// <summary>True when <paramref name="path"/> proves that the leaf with this hash is leaf <paramref name="leaf"/> of the tree with this root.</summary>
    public static bool VerifyInclusion(long leaf, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (leaf < 0 || leaf >= size)
        {
            return false;
        }

        var fn = leaf;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHashes.Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHashes.Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>True when <paramref name="proof"/> proves that the tree of <paramref name="oldSize"/> leaves with <paramref name="oldRoot"/> is a prefix of the tree with <paramref name="newRoot"/>.</summary>
    public static bool VerifyConsistency(long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (oldSize < 0 || oldSize > newSize)
        {
            return false;
        }

        // The empty tree is a prefix of every tree, and a tree of itself: nothing to prove beyond equal roots.
        if (oldSize == 0 || oldSize == newSize)
        {
            return proof.Count == 0 && (oldSize == 0 || oldRoot.SequenceEqual(newRoot));
        }

        if (proof.Count == 0)
        {
            return false;
        }

        var path = (oldSize & (oldSize - 1)) == 0 ? [oldRoot.ToArray(), .. proof] : proof;
        var fn = oldSize - 1;
        var sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHashes.Node(c, fr);
                sr = MerkleHashes.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHashes.Node(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(oldRoot) && sr.AsSpan().SequenceEqual(newRoot);
    }
}
