namespace EventDialogue.Server.Access;

/// <summary>The authentication schemes, by name.</summary>
public static class AccessSchemes
{
    /// <summary>The default: picks the scheme that reads the credential the caller sent.</summary>
    public const string Credential = "credential";

    public const string ApiKey = "api-key";
}
