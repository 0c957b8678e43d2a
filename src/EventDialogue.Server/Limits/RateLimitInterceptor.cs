using EventDialogue.Server.Api.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EventDialogue.Server.Limits;

/// <summary>
/// Applies the rate limit to every call before its handler runs. An interceptor rather than ASP.NET Core's rate-limiting
/// middleware, whose refusal is HTTP 429 — which gRPC clients read as UNAVAILABLE, "retry at once" — where here the
/// refusal goes through ErrorMapping as RESOURCE_EXHAUSTED with the time to wait, on gRPC and JSON alike.
/// Health is exempt: load balancers and orchestrators poll it, and a throttled probe would take a healthy server out.
/// </summary>
public sealed class RateLimitInterceptor(CallRateLimiter limiter) : Interceptor
{
    private const string HealthService = "/grpc.health.v1.Health/";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Admit(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Admit(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Admit(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Admit(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Admit(ServerCallContext context)
    {
        if (!context.Method.StartsWith(HealthService, StringComparison.Ordinal))
        {
            var http = context.GetHttpContext();
            try
            {
                limiter.Admit(http);
            }
            catch (RateLimitedException e)
            {
                // JSON transcoding writes no trailers: a JSON caller gets HTTP's own Retry-After header instead.
                if (http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
                {
                    http.Response.Headers.RetryAfter = CallRateLimiter.Seconds(e.RetryAfter);
                }

                // Mapped here, not left to the error-mapping interceptor, so that the answer holds whichever order they run in.
                throw ErrorMapping.ToRpcException(e)!;
            }
        }
    }
}
