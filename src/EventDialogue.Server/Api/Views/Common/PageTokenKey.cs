using System.Security.Cryptography;

namespace EventDialogue.Server.Api.Views.Common;

/// <summary>
/// The secret page tokens are signed with, so that a client can neither read a forged cursor into a list nor alter
/// one it was given. Set <c>Views:PageTokenKey</c> (base64, at least 16 bytes) to keep tokens valid across restarts and
/// across several servers on one database; without it each process draws a random key, and a token outlives
/// neither a restart nor a hop to another server (the client then starts the list again).
/// </summary>
public sealed class PageTokenKey
{
    public const string Setting = "Views:PageTokenKey";
    private const int MinBytes = 16;

    private PageTokenKey(byte[] secret) => Secret = secret;

    internal byte[] Secret { get; }

    public static PageTokenKey From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return new PageTokenKey(RandomNumberGenerator.GetBytes(32));
        }

        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{Setting} is not base64: give at least {MinBytes} random bytes in base64 (e.g. `openssl rand -base64 32`)");
        }

        return secret.Length >= MinBytes
            ? new PageTokenKey(secret)
            : throw new InvalidOperationException($"{Setting} has {secret.Length} bytes: give at least {MinBytes} random bytes in base64 (e.g. `openssl rand -base64 32`)");
    }

    /// <summary>The tag that proves the server made <paramref name="body"/>; 16 bytes of HMAC-SHA256 are plenty for this.</summary>
    internal byte[] Sign(ReadOnlySpan<byte> body) => HMACSHA256.HashData(Secret, body)[..16];
}
