using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.EventStore.Integrity;
using EventDialogue.Server.Access;
using Mediator;

namespace EventDialogue.Server.Integrity;

/// <summary>
/// An event, its leaf index and hash, and the audit path of that leaf in the tree of <see cref="TreeSize"/> leaves;
/// redacted when the caller is not cleared to see the event (only its position and leaf hash are then shown).
/// </summary>
public sealed record InclusionProof(RecordedEvent Event, long LeafIndex, byte[] LeafHash, long TreeSize, IReadOnlyList<byte[]> Hashes, bool Redacted);

/// <summary>Proves the event at this position is in the tree of this size (the latest signed checkpoint's when null).</summary>
public sealed record GetInclusionProofQuery(long Position, long? TreeSize) : IQuery<InclusionProof>;

public sealed class GetInclusionProofHandler(IEventStore store, ILogTree tree, ConfidentialEvents confidential) : IQueryHandler<GetInclusionProofQuery, InclusionProof>
{
    public async ValueTask<InclusionProof> Handle(GetInclusionProofQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Position < 1)
        {
            throw DomainException.Invalid("position", "must be 1 or more: positions start at 1");
        }

        if (query.TreeSize < 1)
        {
            throw DomainException.Invalid("tree_size", "must be 1 or more: a proof of inclusion needs a tree with a leaf");
        }

        var position = new Position(query.Position);
        var leaf = await tree.ReadLeafIndexAsync(position, cancellationToken)
            ?? throw NoEventAt(query.Position);
        var recorded = await ReadAtAsync(position, cancellationToken)
            ?? throw NoEventAt(query.Position);
        var size = query.TreeSize ?? await LatestSignedSizeAsync(query.Position, leaf, cancellationToken);
        if (size <= leaf)
        {
            throw DomainException.Invalid("tree_size", $"is {size}, but the event at position {query.Position} is leaf {leaf}: the tree must hold at least {leaf + 1} leaves");
        }

        // A signed checkpoint's size was the tree's when it was signed, and a store's tree only grows (one cut short
        // is the log check's finding, not this call's).
        if (query.TreeSize is not null && await tree.ReadTreeSizeAsync(cancellationToken) is var treeSize && size > treeSize)
        {
            throw DomainException.Invalid("tree_size", $"is {size}, but the tree holds {treeSize} leaves");
        }

        var hashes = await new MerkleTree(tree.ReadSubtreeHashesAsync).InclusionProofAsync(leaf, size, cancellationToken);
        var redacted = await confidential.HiddenAsync(recorded, cancellationToken);
        return new InclusionProof(recorded, leaf, CanonicalEvent.LeafHash(recorded), size, hashes, redacted);
    }

    private static DomainException NoEventAt(long position) => new(DomainErrorKind.NotFound, $"no event is recorded at position {position}", "position");

    private async Task<RecordedEvent?> ReadAtAsync(Position position, CancellationToken cancellationToken)
    {
        await foreach (var recorded in store.ReadAllAsync(new Position(position.Value - 1), AllFilter.None, 1, cancellationToken))
        {
            return recorded.Position == position ? recorded : null;
        }

        return null;
    }

    private async Task<long> LatestSignedSizeAsync(long position, long leaf, CancellationToken cancellationToken)
    {
        var latest = await tree.ReadCheckpointAsync(null, cancellationToken);
        return latest is not null && latest.TreeSize > leaf
            ? latest.TreeSize
            : throw DomainException.Conflict(
                $"the event at position {position} (leaf {leaf}) is not in a signed checkpoint yet (the latest covers {latest?.TreeSize ?? 0} leaves); one is signed within seconds, or give tree_size",
                "position");
    }
}
