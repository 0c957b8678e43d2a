using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Cli.History;

/// <summary>A checkpoint whose signature an auditor has checked, with the signed note it came in (what a pin keeps).</summary>
internal sealed record VerifiedCheckpoint(Checkpoint Checkpoint, string SignedNote);

/// <summary>Signed checkpoints from the server, a pin or an export, believed only once their signature verifies.</summary>
internal static class SignedCheckpoints
{
    public static async Task<(VerifiedCheckpoint Checkpoint, GetCheckpointResponse Served)> LatestAsync(Session session, NoteVerifier verifier, CancellationToken cancellationToken)
    {
        var served = await session.Audit.GetCheckpointAsync(new GetCheckpointRequest(), Session.Call(cancellationToken));
        return (Open(verifier, served.SignedNote, "the server's latest checkpoint"), served);
    }

    public static VerifiedCheckpoint Open(NoteVerifier verifier, string note, string what)
    {
        var text = verifier.Open(note)
            ?? throw new VerificationFailedException($"The signature of {what} does not verify with the verifier key {verifier.Name}+{verifier.KeyId:x8}: it was not signed by that key, or it was changed.");
        Checkpoint checkpoint;
        try
        {
            checkpoint = Checkpoint.Parse(text);
        }
        catch (FormatException e)
        {
            throw new VerificationFailedException($"{Sentence(what)} is signed but is not a checkpoint: {e.Message}");
        }

        // The server signs with a key named as its log; a key that signs for another log's name is not this log's.
        return string.Equals(checkpoint.Origin, verifier.Name, StringComparison.Ordinal)
            ? new VerifiedCheckpoint(checkpoint, note)
            : throw new VerificationFailedException($"{Sentence(what)} is a checkpoint of the log \"{checkpoint.Origin}\", but the verifier key is for the log \"{verifier.Name}\".");
    }

    private static string Sentence(string what) => string.Concat(what[..1].ToUpperInvariant(), what[1..]);
}
