namespace EventDialogue.Server.Access;

/// <summary>Who may call one RPC: nobody needs a credential (health), any authenticated principal, or one holding the role.</summary>
public sealed record RpcAccess(string? Role, bool Anonymous = false)
{
    public static RpcAccess Open { get; } = new(Role: null, Anonymous: true);

    public static RpcAccess AnyPrincipal { get; } = new(Role: null);

    public static RpcAccess RoleOf(string role) => new(role);

    /// <summary>The name of the authorization policy that enforces it; null for no policy at all.</summary>
    public string? PolicyName => Anonymous ? null : Role is null ? AccessPolicies.Authenticated : AccessPolicies.ForRole(Role);

    public override string ToString() => Anonymous ? "anyone" : Role ?? "any principal";
}
