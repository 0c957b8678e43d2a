using System.Security.Claims;

namespace EventDialogue.Server.Access;

/// <summary>
/// Which entries a principal may see, beyond what its roles let it call: a claim of its own kind, so that any
/// authentication scheme (API keys now; bearer tokens and certificates too) grants it the same way.
/// </summary>
public static class Clearances
{
    /// <summary>The claim type; its value names the clearance.</summary>
    public const string ClaimType = "eventdialogue:clearance";

    /// <summary>Cases raised and responses received in confidence.</summary>
    public const string Confidential = "confidential";

    public static IReadOnlyList<string> All { get; } = [Confidential];

    public static bool IsKnown(string clearance) => All.Contains(clearance, StringComparer.Ordinal);

    public static Claim Claim(string clearance) => new(ClaimType, clearance);

    /// <summary>Whether the principal may see confidential entries; no principal, no clearance.</summary>
    public static bool SeesConfidential(ClaimsPrincipal? principal) => principal?.HasClaim(ClaimType, Confidential) == true;
}
