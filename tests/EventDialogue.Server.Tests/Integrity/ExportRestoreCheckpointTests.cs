using System.Diagnostics;
using EventDialogue.Api.V1;
using EventDialogue.EventStore.Integrity;
using EventDialogue.Server.Tests.History;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Integrity;

/// <summary>
/// A log exported and restored into fresh stores (SQLite → PostgreSQL → SQLite, real servers) is the same tree: each
/// restored server signs, with its own key, a checkpoint whose root at the source's size is the source's signed root,
/// and its own full check finds the restored log consistent.
/// </summary>
[Collection(ExportRestoreGroup.Name)]
public sealed class ExportRestoreCheckpointTests(ExportRestoreServers servers)
{
    private static readonly TimeSpan Between = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Given_a_log_restored_into_fresh_stores_when_they_sign_it_then_the_root_at_the_source_size_is_the_source_root_and_their_full_check_passes()
    {
        var head = servers.History.Head.Value;
        using var sourceChannel = servers.Source.Process.CreateChannel();
        var source = await CheckpointCoveringAsync(new AuditService.AuditServiceClient(sourceChannel), head);

        foreach (var restored in new RecordingServer[] { servers.Postgres, servers.Sqlite })
        {
            using var channel = restored.Process.CreateChannel();
            var audit = new AuditService.AuditServiceClient(channel);
            var signed = await CheckpointCoveringAsync(audit, head);
            var proof = await audit.GetConsistencyProofAsync(new GetConsistencyProofRequest { OldSize = source.TreeSize, NewSize = signed.TreeSize }, Deadline());
            var check = await audit.CheckLogAsync(new CheckLogRequest { Full = true }, Deadline());

            Assert.NotEqual(source.VerifierKey, signed.VerifierKey);
            Assert.True(signed.TreeSize >= source.TreeSize, $"{signed.TreeSize} restored, {source.TreeSize} in the source");
            Assert.True(
                MerkleProofs.VerifyConsistency(source.TreeSize, signed.TreeSize, source.RootHash.ToByteArray(), signed.RootHash.ToByteArray(), [.. proof.Hashes.Select(h => h.ToByteArray())]),
                $"the restored tree of {signed.TreeSize} does not extend the source's of {source.TreeSize}");
            Assert.True(check.Consistent, check.ToString());
            Assert.Equal(check.TreeSize, check.EventsChecked);
        }
    }

    private static CallOptions Deadline() => new(deadline: DateTime.UtcNow + Timeouts.Call);

    /// <summary>The latest signed checkpoint once one covers the position (asked as an inclusion proof, which needs one).</summary>
    private static async Task<GetCheckpointResponse> CheckpointCoveringAsync(AuditService.AuditServiceClient audit, long position)
    {
        var clock = Stopwatch.StartNew();
        var last = "none yet";
        while (clock.Elapsed < Timeouts.ServerStart)
        {
            try
            {
                var proof = await audit.GetInclusionProofAsync(new GetInclusionProofRequest { Position = position }, Deadline());
                return await audit.GetCheckpointAsync(new GetCheckpointRequest { TreeSize = proof.TreeSize }, Deadline());
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound)
            {
                last = e.Status.Detail;
            }

            await Task.Delay(Between);
        }

        throw new TimeoutException($"no signed checkpoint covered position {position} within {Timeouts.ServerStart}; last answer: {last}");
    }
}
