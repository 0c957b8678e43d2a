using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace EventDialogue.Server.Transport;

/// <summary>
/// The CA (from Security:Tls:ClientCaPath) that client certificates must chain to — and only that CA: the machine's
/// trusted roots vouch for web servers, not for who may write to the record.
/// </summary>
public sealed class ClientCertificateAuthority(X509Certificate2Collection roots)
{
    // id-kp-clientAuth: a certificate issued for something else (a server) is not a client's credential. A certificate
    // with no extended key usage at all passes, as TLS libraries treat it.
    private static readonly System.Security.Cryptography.Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    public int Count => roots.Count;

    /// <summary>For Kestrel's handshake: the system's own verdict (against the machine's roots) is replaced, not added to.</summary>
    public bool Validate(X509Certificate2 certificate, X509Chain? chain, SslPolicyErrors errors) => Trusts(certificate);

    public bool Trusts(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuthentication);

        // A private CA file carries no revocation service to ask: to withdraw a client certificate, take it out of the
        // CA's trust (a new CA file) or revoke the principal it maps to.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
