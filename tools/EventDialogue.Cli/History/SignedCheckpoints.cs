using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Cli.History;

/// <summary>A checkpoint whose signature an auditor has checked, with the signed note it came in (what --save keeps).</summary>
internal sealed record VerifiedCheckpoint(Checkpoint Checkpoint, string SignedNote);

/// <summary>Signed checkpoints from the server or from a saved file, believed only once their signature verifies.</summary>
internal static class SignedCheckpoints
{
    public static async Task<(VerifiedCheckpoint Checkpoint, GetCheckpointResponse Served)> LatestAsync(Session session, NoteVerifier verifier, CancellationToken cancellationToken)
    {
        var served = await session.Audit.GetCheckpointAsync(new GetCheckpointRequest(), Session.Call(cancellationToken)).ConfigureAwait(false);
        return (Open(verifier, served.SignedNote, "the server's latest checkpoint"), served);
    }

    /// <exception cref="HistoryFileException">The file cannot be read.</exception>
    /// <exception cref="VerificationFailedException">Its signature does not verify with the key.</exception>
    public static VerifiedCheckpoint ReadFile(string path, NoteVerifier verifier)
    {
        string note;
        try
        {
            note = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HistoryFileException($"{path}: cannot read the saved checkpoint: {e.Message}");
        }

        return Open(verifier, note, $"the saved checkpoint {path}");
    }

    /// <summary>Writes the note beside the file first, then moves it in: an interrupted save leaves the old one whole.</summary>
    public static void Save(string path, VerifiedCheckpoint checkpoint)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, checkpoint.SignedNote);
        File.Move(temporary, full, overwrite: true);
    }

    public static VerifiedCheckpoint Open(NoteVerifier verifier, string note, string what)
    {
        var text = verifier.Open(note)
            ?? throw new VerificationFailedException($"The signature of {what} does not verify with the verifier key {verifier.Name}+{verifier.KeyId:x8}: it was not signed by that key, or it was changed.");
        try
        {
            return new VerifiedCheckpoint(Checkpoint.Parse(text), note);
        }
        catch (FormatException e)
        {
            throw new VerificationFailedException($"{what} is signed but is not a checkpoint: {e.Message}");
        }
    }
}
