using EventDialogue.EventStore;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Server.Integrity;

/// <summary>
/// Holds the stored tree to the stored events and to the signed checkpoints, as the server must before it signs again:
/// every checkpoint in range signed by the server's key and of a size the tree has; then the events replayed in position
/// order beside the leaves — each event at its leaf's position, hashing to it — while the root is recomputed from the
/// events and compared with each signed checkpoint's and, at the end, with the stored tree's. A tail check starts from
/// the stored hashes of the tree of all but the last events; a full check from the empty tree. Only the first problem
/// is reported: after it, positions no longer line up and what follows says nothing new.
/// </summary>
public sealed class LogCheck(IEventStore store, ILogTree tree, LogSigningKey key)
{
    /// <summary>Checks the last <paramref name="lastEvents"/> events, or all of them when null.</summary>
    public async Task<LogCheckResult> RunAsync(long? lastEvents, CancellationToken cancellationToken)
    {
        var head = await tree.ReadTreeHeadAsync(cancellationToken);
        var start = lastEvents is { } last ? Math.Max(0, head.Size - last) : 0;
        var checkpoints = await SignedCheckpointsAsync(start, cancellationToken);
        var problem = await CheckSignaturesAsync(checkpoints, head.Size, cancellationToken);
        long replayed = 0;
        if (problem is null)
        {
            var replay = new LeafReplay(store, tree, head, start, checkpoints.ToDictionary(c => c.Checkpoint.TreeSize));
            problem = await replay.RunAsync(cancellationToken);
            replayed = replay.Replayed;
        }

        return new LogCheckResult(lastEvents is null, head.Size, replayed, checkpoints.Count, problem);
    }

    /// <summary>The first checkpoint kept (so that a replaced key shows even when the tail was signed with it) and every one from <paramref name="start"/> on.</summary>
    private async Task<List<(StoredCheckpoint Stored, Checkpoint Checkpoint)>> SignedCheckpointsAsync(long start, CancellationToken cancellationToken)
    {
        var kept = new List<StoredCheckpoint>();
        await foreach (var first in tree.ReadCheckpointsAsync(0, 1, cancellationToken))
        {
            kept.Add(first);
        }

        await foreach (var stored in tree.ReadCheckpointsAsync(start, int.MaxValue, cancellationToken))
        {
            if (kept.Count == 0 || stored.TreeSize != kept[0].TreeSize)
            {
                kept.Add(stored);
            }
        }

        // Parsed as signed (verified below); a note that is not a checkpoint at all counts as a bad signature.
        return [.. kept.Select(stored => (stored, TryParse(stored.SignedNote)))];
    }

    private async Task<LogProblem?> CheckSignaturesAsync(List<(StoredCheckpoint Stored, Checkpoint Checkpoint)> checkpoints, long treeSize, CancellationToken cancellationToken)
    {
        var verifier = NoteVerifier.Parse(key.VerifierKey);
        foreach (var (stored, checkpoint) in checkpoints)
        {
            var text = verifier.Open(stored.SignedNote);
            if (text is null || checkpoint.TreeSize != stored.TreeSize || !string.Equals(text, checkpoint.Text, StringComparison.Ordinal))
            {
                return new LogProblem(null,
                    $"the checkpoint of tree size {stored.TreeSize} does not verify with the server's signing key (verifier key {key.VerifierKey}): the key file was replaced, or the checkpoint was written by someone else");
            }

            if (checkpoint.TreeSize > treeSize)
            {
                var lastPosition = await LastLeafPositionAsync(treeSize, cancellationToken);
                return new LogProblem(lastPosition + 1,
                    $"the stored tree holds {treeSize} events, but a checkpoint was signed at tree size {checkpoint.TreeSize}: the events after position {lastPosition} were removed with their leaves");
            }
        }

        return null;
    }

    private async Task<long> LastLeafPositionAsync(long treeSize, CancellationToken cancellationToken)
    {
        await foreach (var leaf in tree.ReadLeavesAsync(treeSize - 1, 1, cancellationToken))
        {
            return leaf.Position.Value;
        }

        return 0;
    }

    private static Checkpoint TryParse(string signedNote)
    {
        try
        {
            return SignedNotes.CheckpointOf(signedNote);
        }
        catch (FormatException)
        {
            return new Checkpoint("?", -1, new byte[MerkleHashes.Size]);
        }
    }
}
