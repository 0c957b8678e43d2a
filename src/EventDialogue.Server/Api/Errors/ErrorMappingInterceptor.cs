using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EventDialogue.Server.Api.Errors;

/// <summary>Applies <see cref="ErrorMapping"/> to every call, so that services stay free of error handling.</summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ErrorMapping.ToRpcException(ex) is { } mapped)
        {
            Refused(logger, context.Method, mapped.StatusCode, mapped.Status.Detail);
            throw mapped;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ErrorMapping.ToRpcException(ex) is { } mapped)
        {
            Refused(logger, context.Method, mapped.StatusCode, mapped.Status.Detail);
            throw mapped;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} refused: {Code} {Detail}")]
    private static partial void Refused(ILogger logger, string method, StatusCode code, string detail);
}
