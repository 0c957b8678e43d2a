using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>How the server refused a call: its status code and the google.rpc details a client acts on.</summary>
internal static class GrpcRefusals
{
    /// <summary>The call fails with this code and a google.rpc.Status in the grpc-status-details-bin trailer.</summary>
    public static async Task<Google.Rpc.Status> RefusedAsync(StatusCode code, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(e.StatusCode == code, $"Expected {code}, got {e.StatusCode}: {e.Status.Detail}");
        Assert.False(string.IsNullOrWhiteSpace(e.Status.Detail), "The status has no message.");
        var status = e.GetRpcStatus();
        Assert.True(status is not null, $"{e.StatusCode} '{e.Status.Detail}' carries no google.rpc.Status details.");
        Assert.Equal((int)code, status.Code);
        return status;
    }

    /// <summary>INVALID_ARGUMENT whose BadRequest names the field, with a reason.</summary>
    public static async Task<BadRequest.Types.FieldViolation> InvalidAsync(string field, Func<Task> call)
    {
        var status = await RefusedAsync(StatusCode.InvalidArgument, call);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.True(badRequest is not null, $"INVALID_ARGUMENT '{status.Message}' has no BadRequest detail.");
        var violation = badRequest.FieldViolations.FirstOrDefault(v => v.Field == field);
        Assert.True(
            violation is not null,
            $"BadRequest names [{string.Join(", ", badRequest.FieldViolations.Select(v => v.Field))}], not '{field}' ({status.Message}).");
        Assert.False(string.IsNullOrWhiteSpace(violation.Description), $"The violation of {field} gives no reason.");
        return violation;
    }
}
