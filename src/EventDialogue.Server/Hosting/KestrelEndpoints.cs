namespace EventDialogue.Server.Hosting;

/// <summary>A named Kestrel endpoint as configured: the setting that holds its URL, and the URL.</summary>
public sealed record KestrelEndpoint(string Name, string UrlKey, BindingAddress Address)
{
    /// <summary>The endpoints under Kestrel:Endpoints whose URL parses; a bad one is Kestrel's to report.</summary>
    public static IReadOnlyList<KestrelEndpoint> Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoints = new List<KestrelEndpoint>();
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            var url = endpoint["Url"];
            if (url is null)
            {
                continue;
            }

            try
            {
                endpoints.Add(new KestrelEndpoint(endpoint.Key, $"{endpoint.Path}:Url", BindingAddress.Parse(url)));
            }
            catch (FormatException)
            {
                // Kestrel refuses it at start with its own message.
            }
        }

        return endpoints;
    }

    /// <summary>The same URL with another port, for the message that says how to change it.</summary>
    public string WithPort(string port) => $"{Address.Scheme}://{Address.Host}:{port}";
}
