using EventDialogue.Api.V1;
using EventDialogue.Server.Api.History;
using EventDialogue.Server.Integrity;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace EventDialogue.Server.Api.Audit;

/// <summary>Checkpoints and proofs between the API's messages and the queries.</summary>
public static class AuditMappings
{
    public static GetCheckpointQuery ToQuery(this GetCheckpointRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.HasTreeSize ? request.TreeSize : null);
    }

    public static GetInclusionProofQuery ToQuery(this GetInclusionProofRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.Position, request.HasTreeSize ? request.TreeSize : null);
    }

    public static GetConsistencyProofQuery ToQuery(this GetConsistencyProofRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.OldSize, request.NewSize);
    }

    public static GetCheckpointResponse ToResponse(this SignedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new GetCheckpointResponse
        {
            SignedNote = checkpoint.Stored.SignedNote,
            Origin = checkpoint.Checkpoint.Origin,
            TreeSize = checkpoint.Checkpoint.TreeSize,
            RootHash = ByteString.CopyFrom(checkpoint.Checkpoint.RootHash),
            SignedAt = Timestamp.FromDateTimeOffset(checkpoint.Stored.SignedAt),
            VerifierKey = checkpoint.VerifierKey,
        };
    }

    public static GetInclusionProofResponse ToResponse(this InclusionProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return new GetInclusionProofResponse
        {
            Event = proof.Event.ToHistoryEvent(proof.Redacted),
            LeafIndex = proof.LeafIndex,
            LeafHash = ByteString.CopyFrom(proof.LeafHash),
            TreeSize = proof.TreeSize,
            Hashes = { proof.Hashes.Select(ByteString.CopyFrom) },
        };
    }

    public static GetConsistencyProofResponse ToResponse(this ConsistencyProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return new GetConsistencyProofResponse
        {
            OldSize = proof.OldSize,
            NewSize = proof.NewSize,
            Hashes = { proof.Hashes.Select(ByteString.CopyFrom) },
        };
    }
}
