using System.Globalization;
using EventDialogue.EventStore;
using EventDialogue.Projections.Engine;
using EventDialogue.Server.Api.Errors;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Server.Api.Views.Common;

/// <summary>
/// A read that asked for a position its view has not reached: DEADLINE_EXCEEDED while the view is still catching up,
/// UNAVAILABLE when it is stopped at an event it cannot apply. The message and an ErrorInfo say how far the view is.
/// </summary>
public static class ViewLag
{
    public const string BehindReason = "VIEW_BEHIND";
    public const string StoppedReason = "VIEW_STOPPED";

    public static RpcException Behind(ProjectionStatus status, Position wanted, TimeSpan waited)
    {
        ArgumentNullException.ThrowIfNull(status);
        return Build(
            Code.DeadlineExceeded,
            string.Create(CultureInfo.InvariantCulture, $"the {status.Name} view has reached position {status.Checkpoint.Value}, not min_position {wanted.Value}, after waiting {waited.TotalSeconds:0.###} s: retry, or give the call a longer deadline"),
            BehindReason,
            status,
            wanted);
    }

    public static RpcException Stopped(ProjectionStatus status, Position wanted)
    {
        ArgumentNullException.ThrowIfNull(status);
        var failure = status.Failure!;
        return Build(
            Code.Unavailable,
            string.Create(CultureInfo.InvariantCulture, $"the {status.Name} view is stopped at position {status.Checkpoint.Value}, before an event it cannot apply (position {failure.Position.Value}, {failure.EventType} in {failure.Stream}), so it cannot reach min_position {wanted.Value}"),
            StoppedReason,
            status,
            wanted);
    }

    private static RpcException Build(Code code, string message, string reason, ProjectionStatus status, Position wanted)
    {
        var info = new ErrorInfo
        {
            Reason = reason,
            Domain = ErrorMapping.ErrorDomain,
            Metadata =
            {
                ["view"] = status.Name,
                ["checkpoint"] = status.Checkpoint.ToString(),
                ["min_position"] = wanted.ToString(),
            },
        };
        var rpcStatus = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        var trailers = new Metadata { { "grpc-status-details-bin", rpcStatus.ToByteArray() } };
        return new RpcException(new Grpc.Core.Status((StatusCode)code, message), trailers);
    }
}
