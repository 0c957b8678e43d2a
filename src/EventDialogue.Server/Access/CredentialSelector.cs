using System.Net.Http.Headers;

namespace EventDialogue.Server.Access;

/// <summary>
/// Which scheme reads the call's credential. API keys and JWTs both arrive as "Bearer": they are told apart by shape
/// (a key starts "edk_"; a JWT is three base64url parts joined by dots), so each handler sees only its own kind and
/// a key is never sent to the issuer's validation, nor a token looked up as a key. A client certificate counts only
/// when no authorization header was sent: a header is the caller's explicit choice of who it is on this call.
/// </summary>
public sealed class CredentialSelector(bool acceptJwt, bool acceptCertificates)
{
    public string Scheme(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var authorization = context.Request.Headers.Authorization;
        if (authorization.Count > 0)
        {
            return acceptJwt && AuthenticationHeaderValue.TryParse(authorization, out var header)
                   && header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && LooksLikeJwt(header.Parameter)
                ? AccessSchemes.Jwt
                : AccessSchemes.ApiKey;
        }

        return acceptCertificates && context.Connection.ClientCertificate is not null ? AccessSchemes.ClientCertificate : AccessSchemes.ApiKey;
    }

    /// <summary>A compact JWS: header.payload.signature, the header a base64url JSON object ("eyJ" is '{"').</summary>
    public static bool LooksLikeJwt(string? token) =>
        token is not null
        && token.StartsWith("eyJ", StringComparison.Ordinal)
        && token.Count(c => c == '.') == 2;
}
