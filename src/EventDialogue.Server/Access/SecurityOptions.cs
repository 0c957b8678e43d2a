namespace EventDialogue.Server.Access;

/// <summary>The Security section: the first admin key and whether reflection is served.</summary>
/// <param name="AdminKeyFile">Where the first admin key is written on first start, or read from when it holds one; null: printed once instead.</param>
/// <param name="AdminKeyName">The name of that first key: recorded-by on what it records.</param>
/// <param name="Reflection">Whether gRPC server reflection is served (to authenticated callers).</param>
public sealed record SecurityOptions(string? AdminKeyFile, string AdminKeyName, bool Reflection)
{
    /// <summary>Bearer JWTs from an OpenID Connect issuer; null: not accepted.</summary>
    public Jwt.JwtOptions? Jwt { get; init; }

    /// <summary>The client certificates that are principals; none: certificates authenticate nobody.</summary>
    public Certificates.ClientCertificatePrincipals ClientCertificates { get; init; } = Certificates.ClientCertificatePrincipals.None;

    public const string Section = "Security";
    public const string AdminKeyFileKey = Section + ":AdminKeyFile";
    public const string AdminKeyNameKey = Section + ":AdminKeyName";
    public const string ReflectionKey = Section + ":Reflection";
    public const string DefaultAdminKeyName = "admin";

    /// <exception cref="AccessStartException">A value is not usable.</exception>
    public static SecurityOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var file = configuration[AdminKeyFileKey];
        if (file is not null && string.IsNullOrWhiteSpace(file))
        {
            throw new AccessStartException($"{AdminKeyFileKey} is blank; give a file path, or leave it unset to have the first admin key printed once.");
        }

        var name = configuration[AdminKeyNameKey] ?? DefaultAdminKeyName;
        try
        {
            Keys.KeyName.Check(name);
        }
        catch (Domain.Common.DomainException e)
        {
            throw new AccessStartException($"{AdminKeyNameKey}: {e.Message}");
        }

        var reflection = configuration[ReflectionKey] ?? "true";
        if (!bool.TryParse(reflection, out var serveReflection))
        {
            throw new AccessStartException($"{ReflectionKey} is '{reflection}'; give true or false.");
        }

        return new SecurityOptions(file is null ? null : Path.GetFullPath(file), name, serveReflection)
        {
            Jwt = Access.Jwt.JwtOptions.Read(configuration),
            ClientCertificates = Access.Certificates.ClientCertificatePrincipals.Read(configuration),
        };
    }
}
