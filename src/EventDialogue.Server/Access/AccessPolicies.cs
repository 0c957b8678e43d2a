using Microsoft.AspNetCore.Authorization;

namespace EventDialogue.Server.Access;

/// <summary>The authorization policies the RPC table refers to: one per role, and one for any authenticated principal.</summary>
public static class AccessPolicies
{
    public const string Authenticated = "authenticated";

    public static string ForRole(string role) => $"role:{role}";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var authenticated = new AuthorizationPolicyBuilder(AccessSchemes.Credential).RequireAuthenticatedUser().Build();
        options.AddPolicy(Authenticated, authenticated);
        foreach (var role in Roles.All)
        {
            options.AddPolicy(ForRole(role), policy => policy.Combine(authenticated).RequireRole(role));
        }

        // Whatever endpoint the table does not reach (gRPC's answer for an unknown method) still needs a credential.
        options.FallbackPolicy = authenticated;
    }
}
