using System.Net;
using EventDialogue.Server.Hosting;

namespace EventDialogue.Server.Transport;

/// <summary>
/// Plaintext HTTP is for this machine only: on loopback nobody else sees the traffic, but on a network address the
/// calls, their credentials and the record itself would cross the wire readable and alterable. It is allowed there only
/// when configuration says so — for a TLS-terminating proxy or a service mesh that encrypts in front of the server.
/// </summary>
public static class PlaintextPolicy
{
    /// <exception cref="TransportStartException">An endpoint serves plaintext on a network address, not allowed.</exception>
    public static void Check(IEnumerable<KestrelEndpoint> endpoints, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(configuration);
        if (AllowedOnNetwork(configuration))
        {
            return;
        }

        foreach (var endpoint in endpoints.Where(endpoint => !TransportOptions.IsHttps(endpoint) && !IsLoopback(endpoint.Address.Host)))
        {
            throw new TransportStartException(
                $"{endpoint.UrlKey} serves plaintext HTTP on {endpoint.Address}, a network address: calls, credentials and the record would cross the network unencrypted. " +
                $"Serve https (set {TransportOptions.CertificatePathKey} and {TransportOptions.KeyPathKey}, and an https:// URL), " +
                $"bind a loopback address (localhost, 127.0.0.1, [::1]), or set {TransportOptions.AllowPlaintextOnNetworkKey}=true if a proxy in front encrypts the traffic.");
        }
    }

    /// <summary>Kestrel's "localhost" binds only the loopback interfaces; "*", "+", 0.0.0.0 and names bind the network.</summary>
    public static bool IsLoopback(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private static bool AllowedOnNetwork(IConfiguration configuration)
    {
        var value = configuration[TransportOptions.AllowPlaintextOnNetworkKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        return bool.TryParse(value, out var allowed)
            ? allowed
            : throw new TransportStartException($"{TransportOptions.AllowPlaintextOnNetworkKey} is \"{value}\"; it must be true or false.");
    }
}
