using EventDialogue.Server.Access;
using Microsoft.AspNetCore.Authorization;

namespace EventDialogue.Server.Web.Session;

/// <summary>The web pages' policies: the API's roles, read from the session cookie rather than a header.</summary>
public static class WebPolicies
{
    /// <summary>The views pages: commitments, cases, rounds, statements.</summary>
    public const string Analyst = "web:analyst";

    /// <summary>The history pages: an entry's corrections, checkpoints and proofs.</summary>
    public const string Auditor = "web:auditor";

    /// <summary>Any signed-in reader (the sign-out).</summary>
    public const string SignedIn = "web:signed-in";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(SignedIn, policy => policy.AddAuthenticationSchemes(WebSessionAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        options.AddPolicy(Analyst, policy => policy.AddAuthenticationSchemes(WebSessionAuthenticationHandler.SchemeName).RequireAuthenticatedUser().RequireRole(Roles.Analyst));
        options.AddPolicy(Auditor, policy => policy.AddAuthenticationSchemes(WebSessionAuthenticationHandler.SchemeName).RequireAuthenticatedUser().RequireRole(Roles.Auditor));
    }
}
