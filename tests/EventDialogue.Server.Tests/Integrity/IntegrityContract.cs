using EventDialogue.Api.V1;
using EventDialogue.EventStore.Integrity;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Integrity;

/// <summary>
/// The signed log end to end, on each backend: the signing key made on first start, checkpoints that verify with the
/// verifier key it printed, inclusion and consistency proofs that verify, bad requests refused naming the field.
/// </summary>
public abstract partial class IntegrityContract(IntegrityServer server)
{
    protected IntegrityServer Server { get; } = server;

    protected AuditService.AuditServiceClient Audit => Server.Audit;

    protected static CallOptions Call() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Given_a_new_store_when_the_server_first_starts_then_it_creates_an_owner_only_key_and_prints_its_verifier_key()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Server.DefaultKeyPath));
        using var key = NoteKey.FromPrivateText(File.ReadAllText(Server.DefaultKeyPath));
        Assert.Equal(key.VerifierKey, Server.PrintedVerifierKey);
        Assert.Contains($"Created the log's signing key in {Server.DefaultKeyPath}", Server.FirstStartOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE+KEY", Server.FirstStartOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_recorded_events_when_a_checkpoint_is_signed_then_it_covers_them_and_verifies_with_the_printed_verifier_key()
    {
        var positions = await RecordSourcesAsync(3);

        var checkpoint = await Server.CheckpointCoveringAsync(positions[^1]);

        var verifier = NoteVerifier.Parse(Server.PrintedVerifierKey);
        var text = verifier.Open(checkpoint.SignedNote);
        Assert.NotNull(text);
        var signed = Checkpoint.Parse(text);
        Assert.Equal((checkpoint.Origin, checkpoint.TreeSize), (signed.Origin, signed.TreeSize));
        Assert.Equal(checkpoint.RootHash.ToByteArray(), signed.RootHash);
        Assert.Equal(Server.PrintedVerifierKey, checkpoint.VerifierKey);
        var forged = checkpoint.SignedNote.Replace($"\n{signed.TreeSize}\n", $"\n{signed.TreeSize + 1}\n", StringComparison.Ordinal);
        Assert.Null(verifier.Open(forged));
    }

    [Fact]
    public async Task Given_a_recorded_event_when_its_inclusion_proof_is_asked_then_it_verifies_against_the_signed_root_with_the_leaf_recomputed_from_its_fields()
    {
        var positions = await RecordSourcesAsync(2);
        var checkpoint = await Server.CheckpointCoveringAsync(positions[^1]);

        var proof = await Audit.GetInclusionProofAsync(new GetInclusionProofRequest { Position = positions[0], TreeSize = checkpoint.TreeSize }, Call());

        var leaf = AuditorLeaves.Of(proof.Event);
        Assert.Equal(positions[0], proof.Event.Position);
        Assert.Equal(leaf, proof.LeafHash.ToByteArray());
        Assert.Equal(leaf, proof.Event.LeafHash.ToByteArray());
        var hashes = proof.Hashes.Select(h => h.ToByteArray()).ToList();
        Assert.True(MerkleProofs.VerifyInclusion(proof.LeafIndex, checkpoint.TreeSize, leaf, hashes, checkpoint.RootHash.ToByteArray()));
        Assert.False(MerkleProofs.VerifyInclusion(proof.LeafIndex, checkpoint.TreeSize, MerkleHashes.Leaf([1, 2, 3]), hashes, checkpoint.RootHash.ToByteArray()));
    }

    [Fact]
    public async Task Given_two_checkpoints_when_a_consistency_proof_between_them_is_asked_then_it_verifies_and_each_is_kept_by_its_size()
    {
        var first = await Server.CheckpointCoveringAsync((await RecordSourcesAsync(1))[^1]);
        var second = await Server.CheckpointCoveringAsync((await RecordSourcesAsync(2))[^1]);
        Assert.True(second.TreeSize > first.TreeSize);

        var proof = await Audit.GetConsistencyProofAsync(new GetConsistencyProofRequest { OldSize = first.TreeSize, NewSize = second.TreeSize }, Call());
        var kept = await Audit.GetCheckpointAsync(new GetCheckpointRequest { TreeSize = first.TreeSize }, Call());

        Assert.Equal(first.SignedNote, kept.SignedNote);
        var hashes = proof.Hashes.Select(h => h.ToByteArray()).ToList();
        Assert.True(MerkleProofs.VerifyConsistency(first.TreeSize, second.TreeSize, first.RootHash.ToByteArray(), second.RootHash.ToByteArray(), hashes));
        Assert.False(MerkleProofs.VerifyConsistency(first.TreeSize, second.TreeSize, MerkleHashes.Leaf([9]), second.RootHash.ToByteArray(), hashes));
    }

    [Fact]
    public async Task Given_bad_requests_when_asked_then_each_is_refused_naming_its_field_or_the_missing_position()
    {
        var position = (await RecordSourcesAsync(1))[^1];
        var checkpoint = await Server.CheckpointCoveringAsync(position);
        var head = checkpoint.TreeSize;

        await GrpcRefusals.InvalidAsync("tree_size", () => Audit.GetCheckpointAsync(new GetCheckpointRequest { TreeSize = -1 }, Call()).ResponseAsync);
        var noCheckpoint = await GrpcRefusals.RefusedAsync(StatusCode.NotFound, () => Audit.GetCheckpointAsync(new GetCheckpointRequest { TreeSize = head + 1_000_000 }, Call()).ResponseAsync);
        Assert.Contains("tree_size", noCheckpoint.Message, StringComparison.Ordinal);

        await GrpcRefusals.InvalidAsync("position", () => Audit.GetInclusionProofAsync(new GetInclusionProofRequest { Position = -3 }, Call()).ResponseAsync);
        var missing = await GrpcRefusals.RefusedAsync(StatusCode.NotFound, () => Audit.GetInclusionProofAsync(new GetInclusionProofRequest { Position = position + 1_000_000 }, Call()).ResponseAsync);
        Assert.Contains($"position {position + 1_000_000}", missing.Message, StringComparison.Ordinal);
        await GrpcRefusals.InvalidAsync("tree_size", () => Audit.GetInclusionProofAsync(new GetInclusionProofRequest { Position = position, TreeSize = head + 1_000_000 }, Call()).ResponseAsync);
        await GrpcRefusals.InvalidAsync("tree_size", () => Audit.GetInclusionProofAsync(new GetInclusionProofRequest { Position = position, TreeSize = 1 }, Call()).ResponseAsync);

        await GrpcRefusals.InvalidAsync("old_size", () => Audit.GetConsistencyProofAsync(new GetConsistencyProofRequest { OldSize = 2, NewSize = 1 }, Call()).ResponseAsync);
        await GrpcRefusals.InvalidAsync("old_size", () => Audit.GetConsistencyProofAsync(new GetConsistencyProofRequest { OldSize = -1, NewSize = 1 }, Call()).ResponseAsync);
        await GrpcRefusals.InvalidAsync("new_size", () => Audit.GetConsistencyProofAsync(new GetConsistencyProofRequest { OldSize = 1, NewSize = head + 1_000_000 }, Call()).ResponseAsync);
    }

    /// <summary>Registers sources (one event each) and returns their positions, in order.</summary>
    protected async Task<IReadOnlyList<long>> RecordSourcesAsync(int count)
    {
        var positions = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var recorded = await Server.Recording.RegisterSourceAsync(Valid.Source($"state-briefing-{Guid.NewGuid():N}"[..30]), Call());
            positions.Add(recorded.Result.Position);
        }

        return positions;
    }
}
