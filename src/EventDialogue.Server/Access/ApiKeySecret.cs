using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace EventDialogue.Server.Access;

/// <summary>
/// An API key: "edk_" and 32 random bytes in base64url. The prefix makes a leaked key recognisable to secret
/// scanners and lets the server tell a key from a JWT in the same authorization header.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "edk_";

    private const int RandomBytes = 32;

    /// <summary>The length of every key this server issues; a credential of another length is no key of ours.</summary>
    public static readonly int Length = Prefix.Length + Base64Url.GetEncodedLength(RandomBytes);

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    public static bool LooksLikeKey(string credential) =>
        credential.Length == Length && credential.StartsWith(Prefix, StringComparison.Ordinal) && Base64Url.IsValid(credential.AsSpan(Prefix.Length));

    /// <summary>
    /// The hash stored in place of the key. One SHA-256 and no salt or slow KDF: those protect passwords, which are
    /// few enough to guess; a key is 256 random bits, so no dictionary or brute force gets anywhere near it, and a
    /// fast hash lets every call look its key up by hash in one indexed read, on every server of the store.
    /// </summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
