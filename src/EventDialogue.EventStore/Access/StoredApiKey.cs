namespace EventDialogue.EventStore.Access;

/// <summary>An API key as stored: its name (the principal it authenticates), the hash of the key, and what it may do.</summary>
/// <param name="Name">The principal's name: every event recorded with the key carries it as recorded-by.</param>
/// <param name="Hash">The hash of the key; the key itself is never stored.</param>
/// <param name="Roles">The roles (and later permissions) the key holds, as the server names them.</param>
/// <param name="CreatedBy">The principal that created it.</param>
public sealed record StoredApiKey(string Name, byte[] Hash, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt = null)
{
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>How roles are kept in one column: space-separated, as OAuth's scope is.</summary>
    public string RolesText => string.Join(' ', Roles);

    public static IReadOnlyList<string> ParseRoles(string text) => (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
