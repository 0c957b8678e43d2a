using System.Security.Claims;
using EventDialogue.EventStore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace EventDialogue.Server.Access.Jwt;

/// <summary>ASP.NET Core's JWT bearer handler, set up from <see cref="JwtOptions"/>.</summary>
public static class JwtBearerSetup
{
    public const string Expired = "the token has expired: ask the issuer for a new one";

    public const string WrongAudience = "the token is not for this server: ask the issuer for one with this server's audience (resource)";

    public const string NotAccepted = "the token was not accepted: it is not signed by the configured issuer, or not well formed";

    public static void Apply(JwtBearerOptions bearer, JwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(bearer);
        ArgumentNullException.ThrowIfNull(options);

        // The configured strings as written: the audience is compared with the token's aud as a string.
        bearer.Authority = options.Authority.OriginalString;
        bearer.Audience = options.Audience.OriginalString;
        bearer.RequireHttpsMetadata = options.RequireHttpsMetadata;

        // Claims keep the names the issuer gave them ("sub", "roles"), not the SOAP-era URIs they would be mapped to,
        // so that the configured claim names mean what an operator reads in a decoded token.
        bearer.MapInboundClaims = false;
        bearer.TokenValidationParameters.NameClaimType = options.NameClaim;
        bearer.TokenValidationParameters.RoleClaimType = options.RolesClaim;
        bearer.TokenValidationParameters.ClockSkew = options.ClockSkew;
        bearer.Events = new JwtBearerEvents
        {
            OnAuthenticationFailed = async context =>
            {
                // The handler's own messages (IDX…) are for logs; the caller is told what to do about it.
                context.Fail(await IssuerReachableAsync(context)
                    ? new AuthenticationFailureException(Refusal(context.Exception))
                    : new IssuerUnreachableException(context.Exception));
            },
            OnTokenValidated = context =>
            {
                if (NameProblem(context.Principal, options.NameClaim) is { } problem)
                {
                    context.Fail(problem);
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>
    /// Whether the issuer's metadata and keys are at hand. The handler does not say when it could not fetch them: a
    /// token then fails as unsigned by a known key. Asked only for a token that failed, the configuration manager answers
    /// from its cache when it holds the metadata, and tries the issuer again (at most as often as it allows) when not.
    /// </summary>
    private static async Task<bool> IssuerReachableAsync(AuthenticationFailedContext context)
    {
        if (context.Options.ConfigurationManager is not { } configuration)
        {
            return true;
        }

        try
        {
            await configuration.GetConfigurationAsync(context.HttpContext.RequestAborted);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException)
        {
            return false;
        }
    }

    private static string Refusal(Exception exception) => exception switch
    {
        SecurityTokenExpiredException => Expired,
        SecurityTokenInvalidAudienceException => WrongAudience,
        _ => NotAccepted,
    };

    /// <summary>A principal needs a name that fits recorded-by: a token without one records nothing.</summary>
    private static string? NameProblem(ClaimsPrincipal? principal, string nameClaim) =>
        principal?.Identity?.Name switch
        {
            null or "" => $"the token names no principal: it has no '{nameClaim}' claim",
            { Length: > StoreLimits.MaxMetadataFieldLength } => $"the token's '{nameClaim}' claim is longer than {StoreLimits.MaxMetadataFieldLength} characters",
            _ => null,
        };
}
