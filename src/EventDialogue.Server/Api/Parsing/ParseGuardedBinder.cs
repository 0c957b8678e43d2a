using Grpc.Core;

namespace EventDialogue.Server.Api.Parsing;

/// <summary>
/// Binds a service's methods as generated, except that each request marshaller hands a request whose bytes do not
/// parse to <see cref="UnparsableRequests"/> instead of throwing inside gRPC, where no interceptor could map it.
/// </summary>
public sealed class ParseGuardedBinder(ServiceBinderBase inner) : ServiceBinderBase
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Guarded(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Guarded(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Guarded(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Guarded(method), handler);

    private static Method<TRequest, TResponse> Guarded<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var deserialize = method.RequestMarshaller.ContextualDeserializer;
        var marshaller = Marshallers.Create(
            method.RequestMarshaller.ContextualSerializer,
            context =>
            {
                try
                {
                    return deserialize(context);
                }
                catch (Exception e) when (UnparsableRequests.IsParseError(e))
                {
                    return UnparsableRequests.Mark<TRequest>(e);
                }
            });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
    }
}
