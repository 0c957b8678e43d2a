using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Cli.History;

/// <summary>That a later signed checkpoint only appended to an earlier one: a server that rewrote the log fails here.</summary>
internal static class ConsistencyChecks
{
    /// <param name="what">The earlier checkpoint as a person knows it, e.g. "the pinned checkpoint (FILE)".</param>
    /// <exception cref="VerificationFailedException">The later one is of another log, smaller, or not an extension.</exception>
    public static async Task RequireAsync(Session session, Checkpoint old, Checkpoint now, string what, CancellationToken cancellationToken)
    {
        if (!string.Equals(old.Origin, now.Origin, StringComparison.Ordinal))
        {
            throw new VerificationFailedException($"The log changed its name: {what} is of the log \"{old.Origin}\", the server's of \"{now.Origin}\".");
        }

        if (now.TreeSize < old.TreeSize)
        {
            throw new VerificationFailedException($"The log shrank: {what} holds {old.TreeSize} events, the server's latest only {now.TreeSize}.");
        }

        var proof = await session.Audit.GetConsistencyProofAsync(
            new GetConsistencyProofRequest { OldSize = old.TreeSize, NewSize = now.TreeSize },
            Session.Call(cancellationToken));
        if (!MerkleProofs.VerifyConsistency(old.TreeSize, now.TreeSize, old.RootHash, now.RootHash, [.. proof.Hashes.Select(h => h.ToByteArray())]))
        {
            throw new VerificationFailedException(
                $"The log was rewritten: {what}, of {old.TreeSize} events, is not a prefix of the server's latest of {now.TreeSize} (the consistency proof fails).");
        }
    }
}
