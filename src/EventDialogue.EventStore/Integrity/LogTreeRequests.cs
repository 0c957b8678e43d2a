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

    /// <summary>The error for a subtree the committed tree does not have (yet).</summary>
    public static InvalidStoreRequestException Incomplete(PerfectSubtree subtree) =>
        new("subtree", $"the subtree of level {subtree.Level} at index {subtree.Index} (leaves {subtree.FirstLeaf} to {subtree.FirstLeaf + subtree.LeafCount - 1}) is not complete in the committed tree");
}
