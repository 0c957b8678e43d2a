using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EventDialogue.Domain.Common;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Server.Api.Views.Common;

/// <summary>
/// Page tokens are opaque to clients: the place where the previous page stopped, with a fingerprint of the list and
/// filters it was made for, in base64url, then a dot and the server's signature of it (<see cref="PageTokenKey"/>).
/// A token that does not decode, is not signed by this server's key, or was made for other filters, is refused.
/// </summary>
public static class PageToken
{
    private const string Field = "page_token";
    private const int MaxLength = 2_000;

    /// <summary>A fingerprint of a list and its filters: the method, then each filter's value (null when unset).</summary>
    public static string Fingerprint(string list, params string?[] filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var text = string.Join('\u001f', filters.Select(f => f ?? "\u0000").Prepend(list));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12);
    }

    public static string Encode(ViewCursor? cursor, string fingerprint, PageTokenKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (cursor is null)
        {
            return string.Empty;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new Body(cursor.SortKey, cursor.Id, cursor.Offset, fingerprint));
        return $"{Base64Url.EncodeToString(body)}.{Base64Url.EncodeToString(key.Sign(body))}";
    }

    /// <summary>The cursor the token carries; null for an empty token (the first page).</summary>
    public static ViewCursor? Decode(string? token, string fingerprint, PageTokenKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var body = token.Length <= MaxLength ? Verified(token, key) : null;
        if (body is null || body.S is null || body.I is null || body.O < 0 || body.F is null)
        {
            throw DomainException.Invalid(Field, "not a token this server issued: pass next_page_token from the previous page unchanged, or leave it empty for the first page");
        }

        if (body.F != fingerprint)
        {
            throw DomainException.Invalid(Field, "was given out for a different list or other filters: repeat the filters of the call that returned it, or leave it empty to start again");
        }

        return new ViewCursor(body.S, body.I, body.O);
    }

    /// <summary>The token's body, when its signature is this server's; the body is only parsed once it is known to be ours.</summary>
    private static Body? Verified(string token, PageTokenKey key)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return null;
        }

        try
        {
            var body = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            var signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            return CryptographicOperations.FixedTimeEquals(signature, key.Sign(body)) ? JsonSerializer.Deserialize<Body>(body) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record Body(string? S, string? I, int O, string? F);
}
