using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EventDialogue.Server.Hosting;

namespace EventDialogue.Server.Transport;

/// <summary>How the endpoints are served: the server's certificate, client certificates, and where plaintext may go.</summary>
/// <param name="ServerCertificate">Serves every https endpoint that names no certificate of its own; null when none is configured.</param>
/// <param name="ClientCertificates">Whether clients are asked for a certificate.</param>
/// <param name="ClientAuthority">What a client certificate must chain to; null when none is asked for.</param>
public sealed record TransportOptions(X509Certificate2? ServerCertificate, ClientCertificates ClientCertificates, ClientCertificateAuthority? ClientAuthority)
{
    public const string Section = "Security";
    public const string CertificatePathKey = Section + ":Tls:CertificatePath";
    public const string KeyPathKey = Section + ":Tls:KeyPath";
    public const string ClientCertificatesKey = Section + ":Tls:ClientCertificates";
    public const string ClientCaPathKey = Section + ":Tls:ClientCaPath";
    public const string AllowPlaintextOnNetworkKey = Section + ":AllowPlaintextOnNetwork";

    /// <exception cref="TransportStartException">A setting is wrong, a file cannot be read, or an endpoint would be unsafe.</exception>
    public static TransportOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoints = KestrelEndpoint.Read(configuration);
        PlaintextPolicy.Check(endpoints, configuration);
        var certificate = ReadServerCertificate(configuration);
        var https = endpoints.Where(endpoint => IsHttps(endpoint)).ToList();
        foreach (var endpoint in https.Where(endpoint => certificate is null && !configuration.GetSection($"Kestrel:Endpoints:{endpoint.Name}:Certificate").Exists()))
        {
            throw new TransportStartException(
                $"{endpoint.UrlKey} is https but no certificate is configured: set {CertificatePathKey} and {KeyPathKey} to the PEM certificate and its key.");
        }

        var clientCertificates = ReadMode(configuration[ClientCertificatesKey]);
        if (clientCertificates == ClientCertificates.None)
        {
            return new TransportOptions(certificate, clientCertificates, null);
        }

        if (https.Count == 0)
        {
            throw new TransportStartException(
                $"{ClientCertificatesKey} is {clientCertificates.ToString().ToLowerInvariant()}, but no endpoint serves https, so no client could present one: serve https (see {CertificatePathKey}) or leave it unset.");
        }

        return new TransportOptions(certificate, clientCertificates, ReadClientAuthority(configuration));
    }

    public static bool IsHttps(KestrelEndpoint endpoint) =>
        string.Equals(endpoint?.Address.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase);

    private static X509Certificate2? ReadServerCertificate(IConfiguration configuration)
    {
        var certificatePath = configuration[CertificatePathKey];
        var keyPath = configuration[KeyPathKey];
        if (string.IsNullOrWhiteSpace(certificatePath) && string.IsNullOrWhiteSpace(keyPath))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(certificatePath) || string.IsNullOrWhiteSpace(keyPath))
        {
            throw new TransportStartException($"{CertificatePathKey} and {KeyPathKey} go together: give both, the PEM certificate and its private key.");
        }

        RequireFile(CertificatePathKey, certificatePath);
        RequireFile(KeyPathKey, keyPath);
        try
        {
            return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (CryptographicException e)
        {
            throw new TransportStartException(
                $"{CertificatePathKey} ({certificatePath}) and {KeyPathKey} ({keyPath}) do not make a certificate with its key: {e.Message} — both must be PEM, and the key must be the certificate's (unencrypted).",
                e);
        }
    }

    private static ClientCertificateAuthority ReadClientAuthority(IConfiguration configuration)
    {
        var caPath = configuration[ClientCaPathKey];
        if (string.IsNullOrWhiteSpace(caPath))
        {
            throw new TransportStartException(
                $"{ClientCertificatesKey} asks clients for certificates, but {ClientCaPathKey} is not set: give the PEM file of the CA that issues them.");
        }

        RequireFile(ClientCaPathKey, caPath);
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(caPath);
        }
        catch (CryptographicException e)
        {
            throw new TransportStartException($"{ClientCaPathKey} ({caPath}) is not a PEM file of certificates: {e.Message}", e);
        }

        return roots.Count == 0
            ? throw new TransportStartException($"{ClientCaPathKey} ({caPath}) holds no certificate (expected -----BEGIN CERTIFICATE-----).")
            : new ClientCertificateAuthority(roots);
    }

    private static ClientCertificates ReadMode(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "none" => ClientCertificates.None,
        "allow" => ClientCertificates.Allow,
        "require" => ClientCertificates.Require,
        _ => throw new TransportStartException($"{ClientCertificatesKey} is \"{value}\"; it must be none, allow or require."),
    };

    private static void RequireFile(string key, string path)
    {
        if (!File.Exists(path))
        {
            throw new TransportStartException($"{key} is {path}, which is not a file (relative paths are relative to the working directory).");
        }
    }
}
