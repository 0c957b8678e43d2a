using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Server.Integrity;

internal static class SignedNotes
{
    /// <summary>The checkpoint a signed note carries: its text is everything up to the blank line before the signatures.</summary>
    public static Checkpoint CheckpointOf(string signedNote)
    {
        var end = signedNote.LastIndexOf("\n\n", StringComparison.Ordinal);
        return Checkpoint.Parse(end < 0 ? signedNote : signedNote[..(end + 1)]);
    }
}
