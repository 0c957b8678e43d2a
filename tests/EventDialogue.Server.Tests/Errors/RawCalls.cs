using Grpc.Core;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Errors;

/// <summary>Sends bytes as they are to an RPC, so that a test can send what no generated client would.</summary>
internal static class RawCalls
{
    private static readonly Marshaller<byte[]> AsIs = Marshallers.Create(bytes => bytes, bytes => bytes);

    public static async Task<byte[]> SendAsync(GrpcChannel channel, string service, string method, byte[] request)
    {
        var rpc = new Method<byte[], byte[]>(MethodType.Unary, service, method, AsIs, AsIs);
        return await channel.CreateCallInvoker().AsyncUnaryCall(rpc, null, new CallOptions(deadline: DateTime.UtcNow + Hosting.Timeouts.Call), request);
    }
}
