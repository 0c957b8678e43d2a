using System.Diagnostics;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using EventDialogue.EventStore.Integrity;
using Grpc.Core;

namespace EventDialogue.Cli.History;

/// <summary>
/// `verify --entry`: every event of one entry, as the server reads it, is a leaf of the signed tree — its leaf hash
/// recomputed here from its fields, its inclusion proof checked against the signed root. An event recorded after the
/// checkpoint waits for the next one (signed within the server's interval), itself checked to extend the first.
/// </summary>
internal sealed class EntryInclusion(Session session, NoteVerifier verifier)
{
    private static readonly TimeSpan NewerCheckpointWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The checkpoint every event was proven in (the one given, or a later one), and how many events.</summary>
    /// <exception cref="VerificationFailedException">The first event that is not in the signed tree, or a revision missing.</exception>
    public async Task<(VerifiedCheckpoint Checkpoint, int Events)> VerifyAsync(string stream, VerifiedCheckpoint signed, CancellationToken cancellationToken)
    {
        var events = await ReadAsync(stream, cancellationToken);
        if (events.Count == 0)
        {
            throw new VerificationFailedException(
                $"The server's log holds no event of {stream}: check the entry's name (its stream, as `history show` takes it, e.g. case-liu-xiaobo); if it was recorded, its events were removed.");
        }

        var current = signed;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Revision != i || !string.Equals(e.Stream, stream, StringComparison.Ordinal))
            {
                throw new VerificationFailedException(
                    $"The server's read of {stream} gave {e.Stream} revision {e.Revision} (position {e.Position}) where revision {i} belongs: an event of the entry is missing or out of place.");
            }

            var proof = await ProveAsync(e, current, cancellationToken);
            var waiting = Stopwatch.StartNew();
            while (proof is null)
            {
                current = await NewerAsync(e, current, waiting, cancellationToken);
                proof = await ProveAsync(e, current, cancellationToken);
            }

            var checkpoint = current.Checkpoint;
            if (!MerkleProofs.VerifyInclusion(proof.LeafIndex, checkpoint.TreeSize, HistoryEventLeaves.LeafHash(e), [.. proof.Hashes.Select(h => h.ToByteArray())], checkpoint.RootHash))
            {
                throw new VerificationFailedException(
                    $"The event at position {e.Position} (stream {e.Stream}, revision {e.Revision}, {e.Type}) is not in the signed tree of {checkpoint.TreeSize} events: " +
                    "it was changed after it was signed, or the server's proof is false.");
            }
        }

        return (current, events.Count);
    }

    private async Task<List<HistoryEvent>> ReadAsync(string stream, CancellationToken cancellationToken)
    {
        var events = new List<HistoryEvent>();
        using var call = session.History.ReadStream(new ReadStreamRequest { Stream = stream }, cancellationToken: cancellationToken);
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            events.Add(response.Event);
        }

        return events;
    }

    /// <summary>The proof in the checkpoint's tree; null when the server says the event's leaf is beyond it.</summary>
    private async Task<GetInclusionProofResponse?> ProveAsync(HistoryEvent e, VerifiedCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        try
        {
            return await session.Audit.GetInclusionProofAsync(
                new GetInclusionProofRequest { Position = e.Position, TreeSize = checkpoint.Checkpoint.TreeSize },
                Session.Call(cancellationToken));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            // Believed only as far as waiting for a larger checkpoint: a server that says so of an event it did sign
            // is caught when none comes, or when the larger one's proof fails.
            return null;
        }
    }

    /// <summary>
    /// The first signed checkpoint larger than <paramref name="current"/>, verified and proven to extend it; the clock
    /// runs from the event's first refusal, so a server that keeps signing but never proves the event is not waited on forever.
    /// </summary>
    private async Task<VerifiedCheckpoint> NewerAsync(HistoryEvent waiting, VerifiedCheckpoint current, Stopwatch clock, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (latest, _) = await SignedCheckpoints.LatestAsync(session, verifier, cancellationToken);
            if (latest.Checkpoint.TreeSize > current.Checkpoint.TreeSize)
            {
                await ConsistencyChecks.RequireAsync(session, current.Checkpoint, latest.Checkpoint, $"the signed checkpoint of {current.Checkpoint.TreeSize} events", cancellationToken);
                return latest;
            }

            if (clock.Elapsed > NewerCheckpointWait)
            {
                throw new VerificationFailedException(
                    $"The event at position {waiting.Position} (stream {waiting.Stream}, revision {waiting.Revision}) is in no signed checkpoint: the latest holds {current.Checkpoint.TreeSize} events, " +
                    $"the server says the event comes after them, and no checkpoint that holds it was signed within {NewerCheckpointWait.TotalSeconds:0} seconds.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
