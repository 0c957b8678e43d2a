using EventDialogue.Server.Api.Parsing;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EventDialogue.Server.Api.Errors;

/// <summary>
/// Applies <see cref="ErrorMapping"/> to every call, so that services stay free of error handling, and logs each
/// refusal once, in one line: a refusal is the client's business, not a fault of the server, so it carries no stack
/// trace (gRPC's own line for it is turned down in appsettings.json). What is not mapped is a fault: it goes on to
/// gRPC, which logs it with its stack trace and answers UNKNOWN.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            UnparsableRequests.ThrowIfUnparsable(request);
            return await continuation(request, context);
        }
        catch (Exception ex) when (Refusal(ex, context) is { } refusal)
        {
            throw refusal;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            UnparsableRequests.ThrowIfUnparsable(request);
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (Refusal(ex, context) is { } refusal)
        {
            throw refusal;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(new ParsedRequests<TRequest>(requestStream), context);
        }
        catch (Exception ex) when (Refusal(ex, context) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>The status to answer with, logged; null for a fault of the server, left to gRPC.</summary>
    private RpcException? Refusal(Exception exception, ServerCallContext context)
    {
        // The client went away or its deadline passed: nothing failed on this side, and nobody reads the answer.
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            Cancelled(logger, context.Method);
            return new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
        }

        // A status a service chose itself (a view that has not caught up, …) is a refusal too, and logged as one.
        if ((exception as RpcException ?? ErrorMapping.ToRpcException(exception)) is not { } mapped)
        {
            return null;
        }

        if (StoreFaults.Classify(exception) is not null)
        {
            // The operator needs the database's own words (which the client is not given), but not a stack trace.
            StoreFailed(logger, context.Method, mapped.StatusCode, exception.GetType().Name, Printable.Escape(exception.Message));
        }
        else
        {
            var caller = Caller(context);
            Refused(logger, context.Method, caller, mapped.StatusCode, mapped.Status.Detail);
        }

        return mapped;
    }

    /// <summary>Who was refused: the authenticated principal, or nobody yet (a call refused before it was authenticated).</summary>
    private static string Caller(ServerCallContext context) =>
        context.GetHttpContext().User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? Printable.Escape(name) : "(unauthenticated)";

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} refused: {Code} {Detail} (caller {Principal})")]
    private static partial void Refused(ILogger logger, string method, string principal, StatusCode code, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} answered {Code}: the store failed with {ExceptionType}: {Reason}")]
    private static partial void StoreFailed(ILogger logger, string method, StatusCode code, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} cancelled: the client went away or its deadline passed")]
    private static partial void Cancelled(ILogger logger, string method);
}
