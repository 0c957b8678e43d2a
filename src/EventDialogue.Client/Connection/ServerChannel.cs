using System.Net.Http.Headers;
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
        if (apiKey is not null)
        {
            // A header on every request rather than gRPC call credentials: those are sent only over TLS unless told
            // otherwise, and a cancelled streaming call that carried them did not end (a Ctrl-C'd `history follow`
            // kept running). Over plaintext the server decides: loopback only, unless its operator allows more.
            httpHandler = new BearerKeyHandler(apiKey) { InnerHandler = httpHandler ?? new SocketsHttpHandler { EnableMultipleHttp2Connections = true } };
        }

        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = httpHandler, DisposeHttpClient = httpHandler is not null });
    }

    private sealed class BearerKeyHandler(string apiKey) : DelegatingHandler
    {
        private readonly AuthenticationHeaderValue _header = new("Bearer", apiKey);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = _header;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
