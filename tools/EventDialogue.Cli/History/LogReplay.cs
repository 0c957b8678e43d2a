using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using EventDialogue.EventStore.Integrity;
using Grpc.Core;

namespace EventDialogue.Cli.History;

/// <summary>
/// Replays the log and checks it against a signed checkpoint: every event's leaf hash recomputed from its fields and
/// folded into a root (only the tree's right edge kept), compared with the signed root. When they differ, the first
/// event that does not match is found by bisection: the first m events match exactly when their root is consistent
/// with the signed tree (a consistency proof from m to its size), so each step replays half the remaining range from
/// the last good point, and the search costs about two more replays in all and O(log n) proofs.
/// </summary>
internal sealed class LogReplay(Session session, Checkpoint signed)
{
    /// <summary>Null when the log matches the checkpoint; else what does not match, said for a person.</summary>
    public async Task<string?> FirstMismatchAsync(IProgress<long> progress, CancellationToken cancellationToken)
    {
        var whole = await FoldAsync(new Point(new RightEdge(), 0), signed.TreeSize, progress, cancellationToken);
        var replayed = whole.Point.Edge.Size;
        if (replayed == signed.TreeSize && whole.Point.Edge.Root().AsSpan().SequenceEqual(signed.RootHash))
        {
            return null;
        }

        if (replayed < signed.TreeSize)
        {
            var removed = $"The log holds only {replayed} events, but the signed tree holds {signed.TreeSize}: the events after position {whole.Point.Position} were removed";
            try
            {
                if (await MatchesAsync(whole.Point.Edge, cancellationToken))
                {
                    return removed + ".";
                }
            }
            catch (RpcException refused) when (refused.StatusCode == StatusCode.InvalidArgument)
            {
                // The server's tree lost leaves too, so it cannot prove even the events it still has against what it signed.
                return $"{removed}, and the server's tree with them ({refused.Status.Detail}).";
            }
        }

        // The first `good.Edge.Size` events match; the first `bad` do not.
        var good = new Point(new RightEdge(), 0);
        var bad = replayed;
        while (bad - good.Edge.Size > 1)
        {
            var middle = good.Edge.Size + ((bad - good.Edge.Size) / 2);
            var folded = await FoldAsync(good, middle, new Progress<long>(), cancellationToken);
            if (await MatchesAsync(folded.Point.Edge, cancellationToken))
            {
                good = folded.Point;
            }
            else
            {
                bad = middle;
            }
        }

        var culprit = (await FoldAsync(good, good.Edge.Size + 1, new Progress<long>(), cancellationToken)).Last!;
        return $"The log does not match the signed tree from leaf {good.Edge.Size} on: the event at position {culprit.Position} " +
            $"(stream {culprit.Stream}, revision {culprit.Revision}, {culprit.Type}) is not the one that was signed — it was changed, " +
            "or an event before it was removed, inserted or moved.";
    }

    /// <summary>True when the events folded so far are the first leaves of the signed tree.</summary>
    private async Task<bool> MatchesAsync(RightEdge edge, CancellationToken cancellationToken)
    {
        if (edge.Size == 0)
        {
            return true;
        }

        var proof = await session.Audit.GetConsistencyProofAsync(
            new GetConsistencyProofRequest { OldSize = edge.Size, NewSize = signed.TreeSize },
            Session.Call(cancellationToken));
        return MerkleProofs.VerifyConsistency(edge.Size, signed.TreeSize, edge.Root(), signed.RootHash, [.. proof.Hashes.Select(h => h.ToByteArray())]);
    }

    /// <summary>Folds the events after the point until the tree has <paramref name="size"/> leaves, or the log ends.</summary>
    private async Task<Folded> FoldAsync(Point from, long size, IProgress<long> progress, CancellationToken cancellationToken)
    {
        var edge = from.Edge.Copy();
        var position = from.Position;
        HistoryEvent? last = null;
        if (edge.Size < size)
        {
            using var call = session.History.ReadAll(
                new ReadAllRequest { AfterPosition = position, MaxCount = size - edge.Size },
                cancellationToken: cancellationToken);
            await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                last = response.Event;
                edge.Add(HistoryEventLeaves.LeafHash(last));
                position = last.Position;
                if (edge.Size % 1000 == 0)
                {
                    progress.Report(edge.Size);
                }
            }
        }

        progress.Report(edge.Size);
        return new Folded(new Point(edge, position), last);
    }

    /// <summary>A place in the replay: the right edge of the first leaves, and the position of the last of them.</summary>
    private sealed record Point(RightEdge Edge, long Position);

    private sealed record Folded(Point Point, HistoryEvent? Last);
}
