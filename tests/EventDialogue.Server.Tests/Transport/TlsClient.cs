using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using EventDialogue.Client.Connection;
using EventDialogue.Server.Tests.Hosting;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Transport;

/// <summary>gRPC clients as a real deployment has them: trusting the deployment's CA (not the machine's), with or without a client certificate.</summary>
internal static class TlsClient
{
    public static SocketsHttpHandler Handler(X509Certificate2 authority, X509Certificate2? clientCertificate = null) => new()
    {
        // One connection, so that a limit per connection is the limit the calls meet.
        EnableMultipleHttp2Connections = false,
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedBy(authority, certificate, errors),

            // Offered whatever CAs the server names in its request, which vary by platform.
            LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
        },
    };

    /// <summary>A channel that calls with the test servers' admin key.</summary>
    public static GrpcChannel Channel(Uri address, X509Certificate2 authority, X509Certificate2? clientCertificate = null) =>
        ServerChannel.Create(address, ServerProcess.AdminKey, Handler(authority, clientCertificate));

    /// <summary>The name must match (the system checked it) and the chain must end at the test's CA alone.</summary>
    private static bool TrustedBy(X509Certificate2 authority, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(presented as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(presented.GetRawCertData()));
    }
}
