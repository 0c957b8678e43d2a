using System.Globalization;
using EventDialogue.Server.Transport;

namespace EventDialogue.Server.Access.Jwt;

/// <summary>
/// Bearer JWTs from an OpenID Connect issuer (Security:Jwt:*): whom to trust, for which audience, and which claims name
/// the principal and its roles. Absent (null from <see cref="Read"/>) unless Security:Jwt:Authority is set.
/// </summary>
/// <param name="Authority">The issuer: its discovery document and signing keys are fetched from here, and tokens must name it as iss.</param>
/// <param name="Audience">What tokens must name as aud: this server, as the resource indicator clients ask tokens for.</param>
/// <param name="NameClaim">The claim whose value is the principal's name (recorded-by on what it records).</param>
/// <param name="RolesClaim">The claim that carries the principal's roles (one value or an array).</param>
/// <param name="ClockSkew">How far the issuer's clock may be from ours when judging expiry.</param>
public sealed record JwtOptions(Uri Authority, Uri Audience, string NameClaim, string RolesClaim, TimeSpan ClockSkew)
{
    public const string Section = "Security:Jwt";
    public const string AuthorityKey = Section + ":Authority";
    public const string AudienceKey = Section + ":Audience";
    public const string NameClaimKey = Section + ":NameClaim";
    public const string RolesClaimKey = Section + ":RolesClaim";
    public const string ClockSkewSecondsKey = Section + ":ClockSkewSeconds";
    public const string DefaultNameClaim = "sub";
    public const string DefaultRolesClaim = "roles";
    public const int DefaultClockSkewSeconds = 60;

    /// <summary>
    /// Metadata and keys over plain http would let anyone on the path hand the server keys of their own; only an
    /// issuer on this machine (a test's, a sidecar's) may be reached without TLS.
    /// </summary>
    public bool RequireHttpsMetadata => !PlaintextPolicy.IsLoopback(Authority.Host);

    /// <exception cref="AccessStartException">A value is not usable.</exception>
    public static JwtOptions? Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var authority = configuration[AuthorityKey];
        if (string.IsNullOrWhiteSpace(authority))
        {
            return configuration.GetSection(Section).AsEnumerable().Any(entry => !string.IsNullOrWhiteSpace(entry.Value))
                ? throw new AccessStartException($"{Section} settings are given but {AuthorityKey} is not: set it to the issuer's URL to accept its tokens, or remove them.")
                : null;
        }

        var issuer = AbsoluteUri(AuthorityKey, authority, "the issuer's URL, e.g. https://login.example.org/realms/records");
        if (issuer.Scheme != Uri.UriSchemeHttps && (issuer.Scheme != Uri.UriSchemeHttp || !PlaintextPolicy.IsLoopback(issuer.Host)))
        {
            throw new AccessStartException(
                $"{AuthorityKey} is {authority}: the issuer's keys must come over https (http is accepted only for an issuer on loopback).");
        }

        // An absolute URI: what OAuth resource indicators (RFC 8707) require, and what tells this server apart from
        // any other resource the same issuer serves.
        var audience = AbsoluteUri(AudienceKey, configuration[AudienceKey], "this server's resource indicator, e.g. https://records.example.org/");
        return new JwtOptions(
            issuer,
            audience,
            ClaimName(NameClaimKey, configuration[NameClaimKey] ?? DefaultNameClaim),
            ClaimName(RolesClaimKey, configuration[RolesClaimKey] ?? DefaultRolesClaim),
            TimeSpan.FromSeconds(ClockSkewSeconds(configuration[ClockSkewSecondsKey])));
    }

    private static Uri AbsoluteUri(string key, string? value, string example) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new AccessStartException($"{key} is {(value is null ? "not set" : $"'{value}'")}; give an absolute http(s) URI: {example}.");

    private static string ClaimName(string key, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new AccessStartException($"{key} is blank; give the name of a claim in the tokens.") : value.Trim();

    private static int ClockSkewSeconds(string? value)
    {
        if (value is null)
        {
            return DefaultClockSkewSeconds;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 600
            ? seconds
            : throw new AccessStartException($"{ClockSkewSecondsKey} is '{value}'; give a whole number of seconds from 0 to 600.");
    }
}
