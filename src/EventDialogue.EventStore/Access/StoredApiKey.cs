namespace EventDialogue.EventStore.Access;

/// <summary>An API key as stored: its name (the principal it authenticates), the hash of the key, and what it may do.</summary>
/// <param name="Name">The principal's name: every event recorded with the key carries it as recorded-by.</param>
/// <param name="Hash">The hash of the key; the key itself is never stored.</param>
/// <param name="Roles">The roles the key holds, as the server names them.</param>
/// <param name="CreatedBy">The principal that created it.</param>
public sealed record StoredApiKey(string Name, byte[] Hash, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt = null)
{
    /// <summary>How a clearance is told apart from a role in the one column they share.</summary>
    private const string ClearancePrefix = "cleared:";

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>
    /// The clearances an admin granted it (<c>confidential</c>), independent of its roles: which entries it may see,
    /// where a role says which calls it may make.
    /// </summary>
    public IReadOnlyList<string> Clearances { get; init; } = [];

    /// <summary>
    /// How roles and clearances are kept in one column: space-separated, as OAuth's scope is, a clearance written
    /// <c>cleared:confidential</c>. One column, so that a clearance needed no change to either store's schema.
    /// </summary>
    public string RolesText => string.Join(' ', [.. Roles, .. Clearances.Select(c => ClearancePrefix + c)]);

    public static IReadOnlyList<string> ParseRoles(string text) => [.. Words(text).Where(w => !w.StartsWith(ClearancePrefix, StringComparison.Ordinal))];

    public static IReadOnlyList<string> ParseClearances(string text) =>
        [.. Words(text).Where(w => w.StartsWith(ClearancePrefix, StringComparison.Ordinal)).Select(w => w[ClearancePrefix.Length..])];

    private static string[] Words(string text) => (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
