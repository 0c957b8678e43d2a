namespace EventDialogue.Server.Api.Errors;

/// <summary>
/// A database outage met before a call reaches its service (authentication looks every key up in the store) is
/// answered as the service would have answered it — UNAVAILABLE with when to retry — and logged in the same one line,
/// not as an unhandled exception (HTTP 500, which gRPC clients read as INTERNAL).
/// </summary>
public sealed partial class StoreOutageBeforeCalls(RequestDelegate next, ILogger<StoreOutageBeforeCalls> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && StoreFaults.Classify(e) is not null && ErrorMapping.ToRpcException(e) is { } answer)
        {
            StoreFailed(logger, context.Request.Path.Value ?? string.Empty, answer.StatusCode, e.GetType().Name, Printable.Escape(e.Message));
            await EarlyAnswers.WriteAsync(context, answer);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} answered {Code}: the store failed with {ExceptionType}: {Reason}")]
    private static partial void StoreFailed(ILogger logger, string method, Grpc.Core.StatusCode code, string exceptionType, string reason);
}
