using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EventDialogue.Server.Tests.Transport;

/// <summary>
/// A CA made for one test run, the server certificate it issues (for 127.0.0.1 and localhost) and client certificates,
/// written as PEM files as an operator would have them; and a second CA that the server does not trust.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly List<IDisposable> _owned = [];

    public TestCertificates(string directory)
    {
        Authority = CreateAuthority("CN=EventDialogue Test CA");
        var stranger = CreateAuthority("CN=Some Other CA");
        CaPath = WriteCertificate(directory, "ca.pem", Authority);
        (CertificatePath, KeyPath) = WriteWithKey(directory, "server", Issue(Authority, "CN=127.0.0.1", ServerAuthentication, serverNames: true));
        TrustedClient = Issue(Authority, "CN=test-recorder", ClientAuthentication, serverNames: false);
        UntrustedClient = Issue(stranger, "CN=test-recorder", ClientAuthentication, serverNames: false);
    }

    public X509Certificate2 Authority { get; }

    public string CaPath { get; }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    /// <summary>Issued by <see cref="Authority"/> for client authentication.</summary>
    public X509Certificate2 TrustedClient { get; }

    /// <summary>The same subject, issued by a CA the server does not know.</summary>
    public X509Certificate2 UntrustedClient { get; }

    /// <summary>Another client certificate from <see cref="Authority"/>, owned (disposed) with these.</summary>
    public X509Certificate2 IssueClient(string subject) => Issue(Authority, subject, ClientAuthentication, serverNames: false);

    /// <summary>The settings that make a server serve https with this CA's server certificate.</summary>
    public Dictionary<string, string> ServerSettings() => new()
    {
        ["Security:Tls:CertificatePath"] = CertificatePath,
        ["Security:Tls:KeyPath"] = KeyPath,
    };

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private static string WriteCertificate(string directory, string name, X509Certificate2 certificate)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    private static (string Certificate, string Key) WriteWithKey(string directory, string name, X509Certificate2 certificate)
    {
        var key = Path.Combine(directory, $"{name}.key");
        File.WriteAllText(key, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (WriteCertificate(directory, $"{name}.pem", certificate), key);
    }

    private X509Certificate2 CreateAuthority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return Own(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)));
    }

    private X509Certificate2 Issue(X509Certificate2 authority, string subject, Oid usage, bool serverNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        if (serverNames)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), RandomNumberGenerator.GetBytes(16));
        return Own(issued.CopyWithPrivateKey(key));
    }

    private X509Certificate2 Own(X509Certificate2 certificate)
    {
        _owned.Add(certificate);
        return certificate;
    }
}
