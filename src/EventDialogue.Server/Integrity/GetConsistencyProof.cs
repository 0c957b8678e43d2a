using EventDialogue.Domain.Common;
using EventDialogue.EventStore.Integrity;
using Mediator;

namespace EventDialogue.Server.Integrity;

public sealed record ConsistencyProof(long OldSize, long NewSize, IReadOnlyList<byte[]> Hashes);

/// <summary>Proves the tree of <see cref="OldSize"/> leaves is a prefix of the tree of <see cref="NewSize"/>.</summary>
public sealed record GetConsistencyProofQuery(long OldSize, long NewSize) : IQuery<ConsistencyProof>;

public sealed class GetConsistencyProofHandler(ILogTree tree) : IQueryHandler<GetConsistencyProofQuery, ConsistencyProof>
{
    public async ValueTask<ConsistencyProof> Handle(GetConsistencyProofQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var violations = new List<FieldViolation>();
        if (query.OldSize < 0)
        {
            violations.Add(new FieldViolation("old_size", "must be 0 or more"));
        }

        if (query.NewSize < 0)
        {
            violations.Add(new FieldViolation("new_size", "must be 0 or more"));
        }
        else if (query.OldSize > query.NewSize)
        {
            violations.Add(new FieldViolation("old_size", $"is {query.OldSize}, more than new_size {query.NewSize}: a tree is consistent only with an earlier, smaller one"));
        }

        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }

        var treeSize = await tree.ReadTreeSizeAsync(cancellationToken);
        if (query.NewSize > treeSize)
        {
            throw DomainException.Invalid("new_size", $"is {query.NewSize}, but the tree holds {treeSize} leaves");
        }

        var hashes = await new MerkleTree(tree.ReadSubtreeHashesAsync).ConsistencyProofAsync(query.OldSize, query.NewSize, cancellationToken);
        return new ConsistencyProof(query.OldSize, query.NewSize, hashes);
    }
}
