using System.Security.Claims;

namespace EventDialogue.Server.Access;

/// <summary>
/// Which entries a principal may see, beyond what its roles let it call. Every kind of principal carries a clearance
/// the same way, as the role word <c>cleared:confidential</c>: an API key stores it beside its roles (keys create
/// --cleared confidential), a JWT has it in its roles claim, a client certificate's principal lists it among its
/// configured roles. No RPC is allowed by it; it only widens what the reads show.
/// </summary>
public static class Clearances
{
    /// <summary>Cases raised and responses received in confidence, and whatever amends them.</summary>
    public const string Confidential = "confidential";

    /// <summary>How a clearance is written among roles.</summary>
    public const string RolePrefix = "cleared:";

    public static IReadOnlyList<string> All { get; } = [Confidential];

    public static bool IsKnown(string clearance) => All.Contains(clearance, StringComparer.Ordinal);

    /// <summary>Whether a word given among roles is a known clearance (<c>cleared:confidential</c>).</summary>
    public static bool IsRoleWord(string role) =>
        role.StartsWith(RolePrefix, StringComparison.Ordinal) && IsKnown(role[RolePrefix.Length..]);

    public static string RoleWord(string clearance) => RolePrefix + clearance;

    public static Claim Claim(string clearance) => new(ClaimTypes.Role, RoleWord(clearance));

    /// <summary>Whether the principal may see confidential entries; no principal, no clearance.</summary>
    public static bool SeesConfidential(ClaimsPrincipal? principal) => principal?.IsInRole(RoleWord(Confidential)) == true;
}
