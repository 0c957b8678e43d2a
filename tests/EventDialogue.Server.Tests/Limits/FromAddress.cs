using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Limits;

/// <summary>
/// A gRPC channel whose connections leave from a given loopback address: on Linux the whole of 127.0.0.0/8 is this
/// machine, so one test process can be several callers, as the server's per-address rate limit sees them.
/// </summary>
internal static class FromAddress
{
    public static GrpcChannel Channel(Uri server, string localAddress) => GrpcChannel.ForAddress(server, new GrpcChannelOptions
    {
        DisposeHttpClient = true,
        HttpHandler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        },
    });
}
