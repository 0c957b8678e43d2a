using EventDialogue.Api.V1;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Cli.History;

/// <summary>What an offline replay found: null when the export matches its checkpoint, and whether the pin was compared.</summary>
internal sealed record OfflineResult(string? Mismatch, bool PinCompared);

/// <summary>
/// `verify --offline`: an export checked against the signed checkpoint it carries, with no server — every leaf
/// recomputed from the event's fields and folded into the root. With no server to ask for proofs, the first changed
/// event is found with the leaf hashes the export wrote beside each event: those are believed only when they fold to
/// the signed root themselves, and then the first event whose fields do not give its own is the first changed one.
/// A pin of at most the export's size is checked too: its root must be the root of the export's first events.
/// </summary>
internal static class OfflineReplay
{
    public static OfflineResult Run(string path, Checkpoint signed, Checkpoint? pinned, IProgress<long> progress)
    {
        var recomputed = new RightEdge();
        var written = new RightEdge();
        (long Line, HistoryEvent Event)? firstUnlike = null;
        bool? pinMatches = pinned is { TreeSize: 0 } ? true : null;
        long previous = 0;
        foreach (var (line, e) in ExportFile.Read(path))
        {
            if (e.Position <= previous)
            {
                return new OfflineResult($"{path}, line {line}: the event at position {e.Position} follows position {previous}: events of the file were moved or changed.", false);
            }

            previous = e.Position;
            var leaf = HistoryEventLeaves.LeafHash(e);
            recomputed.Add(leaf);
            written.Add(e.LeafHash.Length == MerkleHashes.Size ? e.LeafHash.ToByteArray() : leaf);
            if (firstUnlike is null && !e.LeafHash.Span.SequenceEqual(leaf))
            {
                firstUnlike = (line, e);
            }

            if (recomputed.Size == pinned?.TreeSize)
            {
                pinMatches = recomputed.Root().AsSpan().SequenceEqual(pinned.RootHash);
            }

            if (recomputed.Size % 1000 == 0)
            {
                progress.Report(recomputed.Size);
            }
        }

        progress.Report(recomputed.Size);
        return new OfflineResult(Mismatch(path, signed, recomputed, written, firstUnlike) ?? PinMismatch(pinned, pinMatches), pinMatches is not null);
    }

    private static string? Mismatch(string path, Checkpoint signed, RightEdge recomputed, RightEdge written, (long Line, HistoryEvent Event)? firstUnlike)
    {
        if (recomputed.Size != signed.TreeSize)
        {
            return $"{path} holds {recomputed.Size} events, but its signed checkpoint {signed.TreeSize}: events were removed from the file or added to it.";
        }

        if (recomputed.Root().AsSpan().SequenceEqual(signed.RootHash))
        {
            return null;
        }

        if (firstUnlike is { } unlike)
        {
            var e = unlike.Event;
            var certainty = written.Root().AsSpan().SequenceEqual(signed.RootHash)
                ? "is not the one that was signed: it was changed after the checkpoint was signed"
                : "is the first whose fields do not give the leaf hash beside it: it was changed, and so were other lines' hashes";
            return $"{path}, line {unlike.Line}: the event at position {e.Position} (stream {e.Stream}, revision {e.Revision}, {e.Type}) {certainty}.";
        }

        return $"The events of {path} do not give its signed root, though each gives the leaf hash beside it: the log was changed before it was exported, " +
            "or the file's hashes were rewritten with its events. Offline, the first changed event cannot be found: run `history verify --full` against the server.";
    }

    private static string? PinMismatch(Checkpoint? pinned, bool? matches) => matches is false
        ? $"The log was rewritten: the export's first {pinned!.TreeSize} events do not give the root of the pinned checkpoint of {pinned.TreeSize} events, though the export's own checkpoint is signed."
        : null;
}
