using EventDialogue.EventStore;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EventDialogue.Server.Api.Errors;

/// <summary>
/// A full store (disk full, or the SQLite size cap reached) answers RESOURCE_EXHAUSTED, reason STORE_FULL, saying so:
/// the request was not recorded, and a retry with the same request id is safe once there is room again. Kept apart
/// from <see cref="ErrorMapping"/> until that maps <see cref="StoreFullException"/> itself; then this file goes.
/// </summary>
public sealed partial class StoreFullInterceptor(ILogger<StoreFullInterceptor> logger) : Interceptor
{
    private const string StatusDetailsKey = "grpc-status-details-bin";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (StoreFullException e)
        {
            StoreFull(logger, context.Method, e.Message);
            throw ToRpcException(e);
        }
    }

    public static RpcException ToRpcException(StoreFullException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = exception.Message,
            Details = { Any.Pack(new ErrorInfo { Reason = "STORE_FULL", Domain = ErrorMapping.ErrorDomain }) },
        };
        var trailers = new Metadata { { StatusDetailsKey, status.ToByteArray() } };
        return new RpcException(new Grpc.Core.Status(StatusCode.ResourceExhausted, status.Message), trailers);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} refused: the event store is full: {Detail}")]
    private static partial void StoreFull(ILogger logger, string method, string detail);
}
