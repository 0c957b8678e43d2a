using EventDialogue.Domain.Common;
using EventDialogue.EventStore.Integrity;
using Mediator;

namespace EventDialogue.Server.Integrity;

/// <summary>A kept checkpoint: the signed note, what it says, when it was signed, and the key the server signs with now.</summary>
public sealed record SignedCheckpoint(StoredCheckpoint Stored, Checkpoint Checkpoint, string VerifierKey);

/// <summary>The checkpoint of this tree size, or the latest when null.</summary>
public sealed record GetCheckpointQuery(long? TreeSize) : IQuery<SignedCheckpoint>;

public sealed class GetCheckpointHandler(ILogTree tree, LogSigningKey key) : IQueryHandler<GetCheckpointQuery, SignedCheckpoint>
{
    public async ValueTask<SignedCheckpoint> Handle(GetCheckpointQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.TreeSize < 0)
        {
            throw DomainException.Invalid("tree_size", "must be 0 or more");
        }

        var stored = await tree.ReadCheckpointAsync(query.TreeSize, cancellationToken)
            ?? throw (query.TreeSize is { } size
                ? new DomainException(DomainErrorKind.NotFound, $"no checkpoint was signed at tree size {size}", "tree_size")
                : DomainException.NotFound("no checkpoint has been signed yet"));
        return new SignedCheckpoint(stored, SignedNotes.CheckpointOf(stored.SignedNote), key.VerifierKey);
    }
}
