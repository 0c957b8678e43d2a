using System.Security.Claims;
using EventDialogue.EventStore;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace EventDialogue.Server.Access.Jwt;

/// <summary>ASP.NET Core's JWT bearer handler, set up from <see cref="JwtOptions"/>.</summary>
public static class JwtBearerSetup
{
    public const string Expired = "the token has expired: ask the issuer for a new one";

    public const string WrongAudience = "the token is not for this server: ask the issuer for one with this server's audience (resource)";

    public const string IssuerUnreachable = "the token could not be checked: the issuer's signing keys could not be fetched; try again later";

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
            OnAuthenticationFailed = context =>
            {
                // The handler's own messages (IDX…) are for logs; the caller is told what to do about it.
                context.Fail(Refusal(context.Exception));
                return Task.CompletedTask;
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

    private static string Refusal(Exception exception) => exception switch
    {
        SecurityTokenExpiredException => Expired,
        SecurityTokenInvalidAudienceException => WrongAudience,

        // The metadata or keys could not be fetched (IDX20803): no fault of the token's, and the caller should know.
        InvalidOperationException => IssuerUnreachable,
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
