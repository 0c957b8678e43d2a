using Grpc.Core;
using Grpc.Net.Client;

namespace EventDialogue.Client.Connection;

public static class ServerChannel
{
    /// <summary>
    /// A channel to the server that sends the API key, when there is one, on every call as 'authorization: Bearer …';
    /// over <paramref name="httpHandler"/> when given (one that trusts a private CA, or presents a client certificate).
    /// </summary>
    public static GrpcChannel Create(Uri address, string? apiKey, HttpMessageHandler? httpHandler = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (apiKey is null)
        {
            return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = httpHandler });
        }

        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {apiKey}");
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = httpHandler,
            Credentials = ChannelCredentials.Create(address.Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, credentials),

            // gRPC sends call credentials only over TLS unless told otherwise; the server accepts plaintext on loopback
            // and refuses it elsewhere unless its operator allows it, so the choice is the server's to make.
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }
}
