using EventDialogue.EventStore.Integrity;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>
/// On PostgreSQL every command is a round trip, and a proof once cost one per node (15–30): now a proof of any size is
/// one command. Counted from the commands Npgsql traces (see <see cref="NpgsqlCommands"/>).
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresProofRoundTrips(PostgresCluster cluster) : OwnSchemaStore(cluster)
{
    [Fact]
    public async Task An_inclusion_proof_a_consistency_proof_and_a_root_each_read_their_nodes_with_one_command()
    {
        for (var i = 0; i < 10; i++)
        {
            await Store.AppendToStreamAsync(StreamName.Parse($"case-{i % 3}"), ExpectedRevision.Any, Events.Some(3 + (i % 4)));
        }

        var size = (await Store.ReadTreeHeadAsync()).Size;
        var tree = new MerkleTree(Store.ReadSubtreeHashesAsync);
        Assert.True(ProofPlan.Inclusion(13, size).Nodes.Count > 4, "the proof should need several nodes");

        Assert.Single(await NpgsqlCommands.RunByAsync(() => tree.InclusionProofAsync(13, size).AsTask()));
        Assert.Single(await NpgsqlCommands.RunByAsync(() => tree.ConsistencyProofAsync(7, size).AsTask()));
        Assert.Single(await NpgsqlCommands.RunByAsync(() => tree.RootAsync(size - 1).AsTask()));
    }

    [Fact]
    public async Task The_count_sees_a_proof_read_node_by_node_as_one_command_per_node()
    {
        await Store.AppendToStreamAsync(StreamName.Parse("case-liu-xiaobo"), ExpectedRevision.NoStream, Events.Some(13));
        var nodeByNode = new MerkleTree(async (wanted, ct) =>
        {
            var found = new Dictionary<PerfectSubtree, byte[]>();
            foreach (var subtree in wanted)
            {
                found[subtree] = (await Store.ReadSubtreeHashesAsync([subtree], ct))[subtree];
            }

            return found;
        });

        // Once before counting, so that a connection the pool opens is not among the commands counted.
        await nodeByNode.InclusionProofAsync(5, 13);
        var commands = await NpgsqlCommands.RunByAsync(() => nodeByNode.InclusionProofAsync(5, 13).AsTask());

        Assert.Equal(ProofPlan.Inclusion(5, 13).Nodes.Count, commands.Count);
    }
}
