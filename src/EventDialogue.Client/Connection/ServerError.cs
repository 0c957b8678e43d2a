using Google.Rpc;
using Grpc.Core;

namespace EventDialogue.Client.Connection;

/// <summary>Says in words what went wrong with a call, for a person at a terminal.</summary>
public static class ServerError
{
    public static string Describe(RpcException error, Uri address) => error.StatusCode switch
    {
        StatusCode.Unavailable when IsUnreachable(error) =>
            $"Cannot reach the EventDialogue server at {address}: {Reason(error)}. Is it running, and is that its gRPC address? " +
            "Start it with `dotnet run --project src/EventDialogue.Server`, or give another address with --server.",
        StatusCode.Internal when error.Status.Detail.Contains("HTTP_1_1_REQUIRED", StringComparison.Ordinal) =>
            $"The server at {address} speaks HTTP/1.1 only: that is the JSON port, not the gRPC one (by default 5081 and 5080). Give the gRPC address with --server.",
        StatusCode.Internal when error.Status.DebugException is HttpRequestException =>
            $"The server at {address} did not answer as a gRPC (HTTP/2) server: {Reason(error)}. If that is the JSON port, the gRPC one is another (by default 5080, JSON 5081).",
        StatusCode.DeadlineExceeded => $"The server at {address} did not answer in time: {error.Status.Detail}",
        StatusCode.Unauthenticated =>
            $"UNAUTHENTICATED: {error.Status.Detail}. Give the client an API key with --api-key, ${ApiKeySource.EnvironmentVariable} or the file {ApiKeySource.DefaultFile}.",
        StatusCode.Unimplemented => $"The service at {address} does not serve this call; is it an EventDialogue server? ({error.Status.Detail})",
        _ => $"{Code(error.StatusCode)}: {Details(error)}",
    };

    /// <summary>The status message, with each field a BadRequest names.</summary>
    public static string Details(RpcException error)
    {
        var violations = error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations
            .Select(v => $"{v.Field}: {v.Description}")
            .ToList() ?? [];
        var detail = error.Status.Detail;
        return violations.Count == 0 || violations.All(detail.Contains)
            ? detail
            : $"{detail} ({string.Join("; ", violations)})";
    }

    /// <summary>Unavailable because no connection was made, as opposed to a server that answered "unavailable".</summary>
    private static bool IsUnreachable(RpcException error) =>
        error.Status.DebugException is not null || error.Trailers.Count == 0;

    private static string Reason(RpcException error) =>
        error.Status.DebugException?.InnerException?.Message ?? error.Status.DebugException?.Message ?? error.Status.Detail;

    /// <summary>The code as the gRPC spec spells it (NOT_FOUND), which is what the API docs use.</summary>
    private static string Code(StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{c}" : char.ToUpperInvariant(c).ToString()));
}
