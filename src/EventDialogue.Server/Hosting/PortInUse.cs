using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace EventDialogue.Server.Hosting;

/// <summary>Kestrel's failure to bind a port someone else holds, worded as the one line a user needs.</summary>
public static partial class PortInUse
{
    /// <summary>The line to print, or null when the exception is not a port in use.</summary>
    public static string? Describe(Exception exception, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(configuration);
        if (exception is not IOException { InnerException: AddressInUseException } ||
            FailedAddress().Match(exception.Message) is not { Success: true } match)
        {
            return null;
        }

        // Kestrel names the address but not the endpoint: the endpoint is the one configured with that port.
        var port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var endpoint = KestrelEndpoint.Read(configuration).FirstOrDefault(candidate => candidate.Address.Port == port);
        if (endpoint is null)
        {
            return $"EventDialogue.Server cannot start: port {port} is already in use; --help lists the settings that choose the ports.";
        }

        var variable = new ServerSetting(endpoint.UrlKey, "", "").EnvironmentVariable;
        return $"EventDialogue.Server cannot start: port {port} ({endpoint.UrlKey}) is already in use — " +
            $"set --{endpoint.UrlKey}={endpoint.WithPort("PORT")} or {variable}";
    }

    // "Failed to bind to address http://127.0.0.1:5080: address already in use."
    [GeneratedRegex(@"address \S+:(?<port>\d+):", RegexOptions.CultureInvariant)]
    private static partial Regex FailedAddress();
}
