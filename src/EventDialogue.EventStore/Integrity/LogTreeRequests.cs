namespace EventDialogue.EventStore.Integrity;

/// <summary>The checks every store makes on requests to its <see cref="ILogTree"/>, with the errors they give.</summary>
public static class LogTreeRequests
{
    /// <exception cref="InvalidStoreRequestException">The size is negative or the note is blank.</exception>
    public static void ValidateCheckpoint(long treeSize, string signedNote)
    {
        if (treeSize < 0)
        {
            throw new InvalidStoreRequestException("tree_size", $"{treeSize} is not a tree size: it must be 0 or more");
        }

        if (string.IsNullOrWhiteSpace(signedNote))
        {
            throw new InvalidStoreRequestException("signed_note", "a checkpoint needs its signed note");
        }
    }

    /// <summary>The hashes found for the subtrees asked for, once every one of them was found.</summary>
    /// <exception cref="InvalidStoreRequestException">The first subtree asked for that was not found (not complete yet).</exception>
    public static IReadOnlyDictionary<PerfectSubtree, byte[]> EveryOneFound(IReadOnlyList<PerfectSubtree> asked, Dictionary<PerfectSubtree, byte[]> found)
    {
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(found);
        foreach (var subtree in asked)
        {
            if (!found.ContainsKey(subtree))
            {
                throw Incomplete(subtree);
            }
        }

        return found;
    }

    /// <summary>The error for a subtree the committed tree does not have (yet).</summary>
    private static InvalidStoreRequestException Incomplete(PerfectSubtree subtree) =>
        new("subtree", $"the subtree of level {subtree.Level} at index {subtree.Index} (leaves {subtree.FirstLeaf} to {subtree.FirstLeaf + subtree.LeafCount - 1}) is not complete in the committed tree");
}
