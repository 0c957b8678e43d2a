using Microsoft.AspNetCore.Http.Features;

namespace EventDialogue.Server.Limits;

/// <summary>
/// gRPC refuses a request message over the size limit before any interceptor sees the call, and its own line for that
/// is turned down with the rest of its refusals (the error-mapping interceptor logs those): this logs each such
/// refusal, in one line, from the status gRPC answered with.
/// </summary>
public static partial class MessageSizeRefusals
{
    private const string ResourceExhausted = "8";

    // Grpc.AspNetCore's words for a request over MaxReceiveMessageSize; an answer over the send limit fails inside the
    // handler instead, where the error-mapping interceptor logs it.
    private const string ReceivedTooBig = "Received message exceeds";

    public static IApplicationBuilder UseMessageSizeRefusalLog(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        var message = Uri.UnescapeDataString(Read(context, "grpc-message"));
        if (Read(context, "grpc-status") == ResourceExhausted && message.Contains(ReceivedTooBig, StringComparison.Ordinal))
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessageSizeRefusals).FullName!);
            Refused(logger, context.Request.Path.Value ?? string.Empty, message);
        }
    });

    /// <summary>From the trailers, or from the headers of a trailers-only answer.</summary>
    private static string Read(HttpContext context, string key)
    {
        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        if (trailers is not null && trailers.TryGetValue(key, out var trailer))
        {
            return trailer.ToString();
        }

        return context.Response.Headers.TryGetValue(key, out var header) ? header.ToString() : string.Empty;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} refused: ResourceExhausted {Detail}")]
    private static partial void Refused(ILogger logger, string method, string detail);
}
