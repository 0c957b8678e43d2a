using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EventDialogue.Domain.Common;
using EventDialogue.Server.Access.Keys;
using EventDialogue.Server.Transport;

namespace EventDialogue.Server.Access.Certificates;

/// <summary>
/// The client certificates that are principals, from Security:ClientCertificates:Principals:{name}:Thumbprint and
/// :Roles. A certificate is known by its SHA-256 thumbprint, not by its subject: revocation is not checked (a private
/// CA publishes no list), so pinning one certificate is what lets an operator withdraw it — delete its entry — without
/// replacing the CA; and a subject is only as unique as the CA's issuing habits, while a thumbprint names one
/// certificate (whose key the TLS handshake proved the caller holds). A renewed certificate needs its new thumbprint.
/// </summary>
public sealed class ClientCertificatePrincipals(IReadOnlyDictionary<string, CertificatePrincipal> byThumbprint)
{
    public const string Section = "Security:ClientCertificates:Principals";
    public const string ThumbprintKey = Section + ":{name}:Thumbprint";
    public const string RolesKey = Section + ":{name}:Roles";
    public const string RoleItemKey = RolesKey + ":{n}";

    public static ClientCertificatePrincipals None { get; } = new(new Dictionary<string, CertificatePrincipal>());

    public bool Any => byThumbprint.Count > 0;

    /// <summary>The certificate's SHA-256 thumbprint as configuration writes it: 64 upper-case hex digits.</summary>
    public static string Thumbprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    public CertificatePrincipal? Find(X509Certificate2 certificate) => byThumbprint.GetValueOrDefault(Thumbprint(certificate));

    /// <exception cref="AccessStartException">An entry is incomplete or wrong, or no client could present a certificate.</exception>
    public static ClientCertificatePrincipals Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var entries = configuration.GetSection(Section).GetChildren().ToList();
        if (entries.Count == 0)
        {
            return None;
        }

        var mode = configuration[TransportOptions.ClientCertificatesKey];
        if (mode is null || mode.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            throw new AccessStartException(
                $"{Section} names certificates, but {TransportOptions.ClientCertificatesKey} does not ask clients for one: set it to allow or require (with {TransportOptions.ClientCaPathKey}).");
        }

        var byThumbprint = new Dictionary<string, CertificatePrincipal>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var (thumbprint, principal) = Entry(entry);
            if (!byThumbprint.TryAdd(thumbprint, principal))
            {
                throw new AccessStartException($"{Section}: '{byThumbprint[thumbprint].Name}' and '{principal.Name}' name the same certificate ({thumbprint}); one certificate is one principal.");
            }
        }

        return new ClientCertificatePrincipals(byThumbprint);
    }

    private static (string Thumbprint, CertificatePrincipal Principal) Entry(IConfigurationSection entry)
    {
        var name = entry.Key;
        try
        {
            KeyName.Check(name, $"{Section}:{name}");
        }
        catch (DomainException e)
        {
            throw new AccessStartException($"{Section}:{name}: {e.Message}");
        }

        // Written as tools print it: with or without ':' or spaces between the bytes, either case.
        var thumbprint = (entry["Thumbprint"] ?? string.Empty).Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (thumbprint.Length != 64 || !thumbprint.All(char.IsAsciiHexDigit))
        {
            throw new AccessStartException(
                $"{Section}:{name}:Thumbprint is '{entry["Thumbprint"]}'; give the certificate's SHA-256 fingerprint, 64 hex digits (openssl x509 -noout -fingerprint -sha256 -in client.pem).");
        }

        var roles = Roles(entry.GetSection("Roles"));
        // A clearance (cleared:confidential) is given among the roles, as every kind of principal carries it.
        var unknown = roles.Where(role => !Access.Roles.IsKnown(role) && !Clearances.IsRoleWord(role)).ToList();
        if (!roles.Any(Access.Roles.IsKnown) || unknown.Count > 0)
        {
            throw new AccessStartException(
                $"{Section}:{name}:Roles is '{string.Join(",", roles)}'; give one or more of {string.Join(", ", Access.Roles.All)}, separated by commas " +
                $"(and {string.Join(", ", Clearances.All.Select(Clearances.RoleWord))} to clear it for confidential entries).");
        }

        return (thumbprint, new CertificatePrincipal(name, roles));
    }

    /// <summary>"recorder,analyst" on a command line or in the environment; an array in appsettings.json.</summary>
    private static List<string> Roles(IConfigurationSection roles)
    {
        var values = roles.Value is { } list ? list.Split(',') : roles.GetChildren().Select(item => item.Value ?? string.Empty);
        return values.Select(role => role.Trim()).Where(role => role.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }
}
