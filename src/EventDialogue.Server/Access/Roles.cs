namespace EventDialogue.Server.Access;

/// <summary>
/// What a principal may do, as role claims on its <see cref="System.Security.Claims.ClaimsPrincipal"/>. A principal
/// may hold several. Permissions that cut across roles (clearance for confidential entries) are to be claims of
/// their own kind, beside these, not roles.
/// </summary>
public static class Roles
{
    /// <summary>Records, corrects and retracts entries.</summary>
    public const string Recorder = "recorder";

    /// <summary>Reads the views: lists, search, analysis.</summary>
    public const string Analyst = "analyst";

    /// <summary>Reads the log itself: history, time travel, proofs, export, the EventStoreDB read API.</summary>
    public const string Auditor = "auditor";

    /// <summary>Manages keys and restores the log.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Recorder, Analyst, Auditor, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
