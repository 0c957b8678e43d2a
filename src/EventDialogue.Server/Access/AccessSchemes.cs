namespace EventDialogue.Server.Access;

/// <summary>The authentication schemes, by name.</summary>
public static class AccessSchemes
{
    /// <summary>The default: picks the scheme that reads the credential the caller sent (<see cref="CredentialSelector"/>).</summary>
    public const string Credential = "credential";

    public const string ApiKey = "api-key";

    /// <summary>Bearer JWTs from the configured OpenID Connect issuer.</summary>
    public const string Jwt = "jwt";

    /// <summary>A client certificate the transport validated, mapped to a configured principal.</summary>
    public const string ClientCertificate = "client-certificate";
}
