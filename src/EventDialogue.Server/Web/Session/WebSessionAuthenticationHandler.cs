using System.Security.Claims;
using System.Text.Encodings.Web;
using EventDialogue.EventStore.Access;
using EventDialogue.Server.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EventDialogue.Server.Web.Session;

/// <summary>
/// Authenticates a web page by its session cookie: the key inside is checked as the API checks a key (by its hash, not
/// revoked), and the principal carries the key's name and roles, so that the pages apply the API's own roles.
/// </summary>
public sealed class WebSessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore keys,
    WebSession session) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "web-session";

    /// <summary>The principal of an API key, or null when the key is not one the store accepts.</summary>
    public static async Task<ClaimsPrincipal?> PrincipalAsync(IApiKeyStore keys, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!ApiKeySecret.LooksLikeKey(key))
        {
            return null;
        }

        var stored = await keys.FindAsync(ApiKeySecret.Hash(key), cancellationToken);
        if (stored is null || stored.IsRevoked)
        {
            return null;
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, stored.Name), .. stored.Roles.Select(role => new Claim(ClaimTypes.Role, role))],
            SchemeName,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (session.ApiKey(Context) is not { } key)
        {
            return AuthenticateResult.NoResult();
        }

        return await PrincipalAsync(keys, key, Context.RequestAborted) is { } principal
            ? AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName))
            : AuthenticateResult.Fail(ApiKeyAuthenticationHandler.NotAccepted);
    }
}
