using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using EventDialogue.EventStore.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace EventDialogue.Server.Access;

/// <summary>
/// Authenticates a call by its API key: <c>authorization: Bearer edk_…</c>, or HTTP Basic with the key's name as
/// user and the key as password (how EventStoreDB's clients send credentials). The key is looked up by its hash on
/// every call, so a key revoked on any server of the store is refused on the next call, here too.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Not which of the two it was: an outsider learns nothing about which keys exist or existed.</summary>
    public const string NotAccepted = "the API key was not accepted: it is unknown or revoked";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // A call open to anyone (health) needs no principal, and must not depend on the store it probes: a load
        // balancer's health check that carries a key must still be answered NOT_SERVING while the database is down.
        if (Context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) || header.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }

        var (key, claimedName) = Credential(header);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeySecret.LooksLikeKey(key))
        {
            return AuthenticateResult.Fail(NotAccepted);
        }

        var stored = await keys.FindAsync(ApiKeySecret.Hash(key), Context.RequestAborted);
        if (stored is null || stored.IsRevoked || (claimedName is not null && claimedName != stored.Name))
        {
            return AuthenticateResult.Fail(NotAccepted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, stored.Name),
                .. stored.Roles.Select(role => new Claim(ClaimTypes.Role, role)),
                .. stored.Clearances.Select(Clearances.Claim),
            ],
            AccessSchemes.ApiKey,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), AccessSchemes.ApiKey));
    }

    private static (string? Key, string? ClaimedName) Credential(AuthenticationHeaderValue header)
    {
        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return (header.Parameter, null);
        }

        if (header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && Decoded(header.Parameter!) is { } basic)
        {
            var colon = basic.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (null, null) : (basic[(colon + 1)..], basic[..colon]);
        }

        return (null, null);
    }

    private static string? Decoded(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }
}
