using System.Globalization;
using Google.Protobuf;
using Grpc.Core;

namespace EventDialogue.Server.Api.Errors;

/// <summary>
/// Answers a call that ends before gRPC or the JSON transcoder has taken it (access control, an outage met while
/// authenticating) as they would have: gRPC callers a trailers-only response carrying the status and its details,
/// JSON callers the HTTP status that matches with the google.rpc.Status as JSON.
/// </summary>
public static class EarlyAnswers
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(TranscodingTypes.Registry));

    public static bool IsGrpc(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
    }

    /// <summary>The status, its details and any other trailers, in the headers of an empty gRPC response.</summary>
    public static void WriteGrpc(HttpContext context, RpcException answer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(answer);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = context.Request.ContentType;
        response.Headers["grpc-status"] = ((int)answer.StatusCode).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(answer.Status.Detail);
        foreach (var trailer in answer.Trailers)
        {
            response.Headers[trailer.Key] = trailer.IsBinary ? Convert.ToBase64String(trailer.ValueBytes) : trailer.Value;
        }
    }

    public static async Task WriteAsync(HttpContext context, RpcException answer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(answer);
        if (IsGrpc(context))
        {
            WriteGrpc(context, answer);
            return;
        }

        var response = context.Response;
        response.StatusCode = answer.StatusCode switch
        {
            StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
            StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (answer.StatusCode == StatusCode.Unavailable)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(ErrorMapping.RetryDelay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(Json.Format(ErrorMapping.StatusOf(answer)), context.RequestAborted);
    }
}
