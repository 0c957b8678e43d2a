using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Access;

/// <summary>A batch of recording requests needs the recorder role, and also the role of each packed request's own RPC.</summary>
[Collection(AccessGroup.Name)]
public sealed class BatchRoleTests(AccessServer server)
{
    [Fact]
    public async Task A_reader_without_the_recorder_role_cannot_record_a_batch()
    {
        var (_, analyst) = await server.CreateKeyAsync("batch-analyst", "analyst");
        var recording = new RecordingService.RecordingServiceClient(server.Channel(analyst));

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await recording.RecordRequestsAsync(
            new RecordRequestsRequest { Requests = { Any.Pack(Valid.Source($"source-{Guid.NewGuid():N}")) } },
            deadline: DateTime.UtcNow + Timeouts.Call));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task A_recorder_cannot_pack_an_analysts_rating_into_a_batch_the_request_is_named_and_nothing_is_recorded()
    {
        var (_, recorder) = await server.CreateKeyAsync("batch-recorder", "recorder");
        var recording = new RecordingService.RecordingServiceClient(server.Channel(recorder));
        var sourceId = $"source-{Guid.NewGuid():N}";

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await recording.RecordRequestsAsync(
            new RecordRequestsRequest
            {
                Requests =
                {
                    Any.Pack(Valid.Source(sourceId)),
                    Any.Pack(new RateCommitmentRequest { CommitmentId = "commitment-x" }),
                },
            },
            deadline: DateTime.UtcNow + Timeouts.Call));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.StartsWith("requests[1]: ", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("analyst", refused.Status.Detail, StringComparison.Ordinal);
        var admin = new RecordingService.RecordingServiceClient(server.AdminChannel);
        var recorded = await admin.RecordRequestsAsync(
            new RecordRequestsRequest { Requests = { Any.Pack(Valid.Source(sourceId)) } },
            deadline: DateTime.UtcNow + Timeouts.Call);
        Assert.Equal(0, recorded.Outcomes.Single().Result.Revision);
    }
}
