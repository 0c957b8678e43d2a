namespace EventDialogue.Client.Connection;

/// <summary>Where the server's gRPC (HTTP/2) endpoint listens.</summary>
public static class ServerAddress
{
    public const string Default = "http://localhost:5080";

    /// <summary>The variable that sets the address when no --server is given.</summary>
    public const string EnvironmentVariable = "EVENTDIALOGUE_SERVER";

    /// <exception cref="ArgumentException">The text is not an http or https address.</exception>
    public static Uri Parse(string? text)
    {
        if (Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var address)
            && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(address.Host))
        {
            return address;
        }

        throw new ArgumentException($"'{text}' is not a server address: give one such as {Default} (http or https, host and port).");
    }

    public static string FromEnvironmentOrDefault() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : Default;
}
