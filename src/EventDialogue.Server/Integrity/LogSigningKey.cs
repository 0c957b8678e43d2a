using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Server.Integrity;

/// <summary>The key the server signs its checkpoints with, under the log's name (the checkpoints' origin).</summary>
public sealed class LogSigningKey(NoteKey key) : IDisposable
{
    public string Origin => key.Name;

    /// <summary>The public half, which auditors are given: it holds no secret.</summary>
    public string VerifierKey => key.VerifierKey;

    /// <summary>The checkpoint of this tree as a signed note.</summary>
    public string Sign(TreeHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return key.Sign(new Checkpoint(Origin, head.Size, head.RootHash).Text);
    }

    public void Dispose() => key.Dispose();
}
