using EventDialogue.Projections.Engine;
using EventDialogue.Server.Access;
using EventDialogue.Server.Access.Certificates;
using EventDialogue.Server.Access.Jwt;
using EventDialogue.Server.Api.Views.Common;
using EventDialogue.Server.EventStore;
using EventDialogue.Server.History.Reads;
using EventDialogue.Server.Integrity;
using EventDialogue.Server.Limits;
using EventDialogue.Server.Transport;
using EventDialogue.Server.Views;

namespace EventDialogue.Server.Hosting;

/// <summary>
/// Every setting the server reads. A key under one of our own sections that is not listed here is refused at start,
/// so a new setting must be added here to be accepted (and shown by --help).
/// </summary>
public static class ServerSettings
{
    public const string GrpcUrlKey = "Kestrel:Endpoints:Grpc:Url";
    public const string JsonUrlKey = "Kestrel:Endpoints:Json:Url";

    public static IReadOnlyList<ServerSetting> All { get; } =
    [
        new(EventStoreOptions.BackendKey, "sqlite", "the event store: sqlite (a file for the events and one for the views, nothing to install) or postgres"),
        new(EventStoreOptions.SqlitePathKey, EventStoreOptions.DefaultSqlitePath, "the SQLite file, created with its folder; relative to the working directory"),
        new(EventStoreOptions.SqliteMaxSizeBytesKey, "(none)", "a size in bytes past which appends are refused as on a full disk (RESOURCE_EXHAUSTED, STORE_FULL)"),
        new(EventStoreOptions.SqliteViewsPathKey, "(beside the events: NAME.views.sqlite)", "the SQLite file of the views; the events' own file keeps them in it, as before"),
        new(EventStoreOptions.PostgresConnectionStringKey, "(none)", "an Npgsql connection string; required for postgres"),
        new(EventStoreOptions.PostgresSchemaKey, EventStoreOptions.DefaultPostgresSchema, "the PostgreSQL schema that holds the events and the views"),
        new(SecurityOptions.AdminKeyFileKey, "(none: printed once)", "where the first admin key is written (owner-only) on first start; a key already in the file is stored as an admin key unless the store has it"),
        new(SecurityOptions.AdminKeyNameKey, SecurityOptions.DefaultAdminKeyName, "the name of that first admin key, recorded as recorded-by on what it records"),
        new(SecurityOptions.ReflectionKey, "true", "whether gRPC server reflection is served (to callers with a credential)"),
        new(JwtOptions.AuthorityKey, "(none: JWTs are not accepted)", "the OpenID Connect issuer whose bearer JWTs are accepted (https; http only on loopback)"),
        new(JwtOptions.AudienceKey, "(none)", "the audience tokens must name: this server's resource indicator, an absolute URI; required with the authority"),
        new(JwtOptions.NameClaimKey, JwtOptions.DefaultNameClaim, "the token claim that names the principal (recorded-by on what it records)"),
        new(JwtOptions.RolesClaimKey, JwtOptions.DefaultRolesClaim, "the token claim that holds the principal's roles"),
        new(JwtOptions.ClockSkewSecondsKey, JwtOptions.DefaultClockSkewSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "how far the issuer's clock may be off when a token's expiry is judged, in seconds (0-600)"),
        new(ClientCertificatePrincipals.ThumbprintKey, "(none)", "the SHA-256 thumbprint of a client certificate that authenticates as the principal {name}"),
        new(ClientCertificatePrincipals.RolesKey, "(none)", "that principal's roles, separated by commas"),
        new(SubscriberLagLimit.Setting, SubscriberLagLimit.DefaultMaxPositions.ToString(System.Globalization.CultureInfo.InvariantCulture), "how many positions a live history subscriber may fall behind the head before it is ended (ABORTED, SUBSCRIBER_TOO_SLOW)"),
        new(PageTokenKey.Setting, "(a random key per process)", "base64 key (16 bytes or more) that signs page tokens; set it so tokens outlive a restart and work on every server of a group"),
        new(ViewsOptions.CatchUpBatchSizeKey, ProjectionRunner.CatchUpBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "the most events one view transaction applies while the views catch up (1-1000000); bigger rebuilds faster and holds more in memory"),
        new(IntegrityOptions.SigningKeyPathKey, $"beside the SQLite file (<file>{IntegrityOptions.KeyFileSuffix}); for postgres {IntegrityOptions.DefaultPostgresKeyPath}", "the file holding the key that signs the log's checkpoints; created owner-only (0600) on first start, refused if others may read it"),
        new(IntegrityOptions.LogNameKey, IntegrityOptions.DefaultLogName, "the log's name: the origin of its checkpoints and the signing key's name"),
        new(IntegrityOptions.CheckpointIntervalSecondsKey, "5", "a new checkpoint is signed at most this often, in seconds, when the log has grown"),
        new(IntegrityOptions.StartupCheckEventsKey, "1000", "how many of the log's last events the start-up check recomputes against the stored tree and signed checkpoints (0: the checkpoints only)"),
        new(GrpcUrlKey, "http://localhost:5080", "where gRPC is served (HTTP/2); https:// serves it over TLS"),
        new(JsonUrlKey, "http://localhost:5081", "where JSON over HTTP/1.1 is served; https:// serves it over TLS"),
        new(TransportOptions.CertificatePathKey, "(none)", "the PEM certificate (chain) that https endpoints serve"),
        new(TransportOptions.KeyPathKey, "(none)", "the PEM private key of that certificate, unencrypted"),
        new(TransportOptions.ClientCertificatesKey, "none", "ask TLS clients for a certificate: none, allow or require; one presented must chain to the client CA"),
        new(TransportOptions.ClientCaPathKey, "(none)", "the PEM file of the CA(s) that client certificates must chain to; required with allow or require"),
        new(TransportOptions.AllowPlaintextOnNetworkKey, "false", "serve plaintext http:// on a network address (not only loopback), for a TLS-terminating proxy in front"),
        new(LimitOptions.MaxReceiveMessageBytesKey, LimitOptions.DefaultMaxReceiveMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "the largest gRPC message a client may send, in bytes (bigger: RESOURCE_EXHAUSTED)"),
        new(LimitOptions.MaxSendMessageBytesKey, LimitOptions.DefaultMaxSendMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "the largest gRPC message the server sends, in bytes (bigger: RESOURCE_EXHAUSTED)"),
        new(LimitOptions.MaxStreamsPerConnectionKey, LimitOptions.DefaultMaxStreamsPerConnection.ToString(System.Globalization.CultureInfo.InvariantCulture), "calls open at once on one HTTP/2 connection; more wait for one to end"),
        new(LimitOptions.RateLimitCallsKey, LimitOptions.DefaultRateLimitCalls.ToString(System.Globalization.CultureInfo.InvariantCulture), "calls one principal (or, unauthenticated, one address) may start per window; 0 turns the limit off (beyond: RESOURCE_EXHAUSTED with retry-after)"),
        new(LimitOptions.RateLimitWindowSecondsKey, LimitOptions.DefaultRateLimitWindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "the rate limit's window, in seconds (1-86400)"),
        new("Logging:LogLevel:Default", "Information", "the least level logged: Trace, Debug, Information, Warning, Error, Critical or None"),
    ];

    /// <summary>The sections only this server reads: any key under them must be one of <see cref="All"/>.</summary>
    public static IReadOnlySet<string> OwnSections { get; } = new HashSet<string>(["EventStore", "Recording", "Views", "History", "Integrity", "Security", "Limits"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Top-level keys that ASP.NET Core, the host or logging read, and whose keys below them are theirs to judge:
    /// accepted on the command line as they are.
    /// </summary>
    public static IReadOnlySet<string> FrameworkSections { get; } = new HashSet<string>(
    [
        "Logging", "Kestrel", "AllowedHosts", "urls", "http_ports", "https_ports", "https_port", "environment", "contentRoot",
        "applicationName", "webroot", "detailedErrors", "captureStartupErrors", "preferHostingUrls", "suppressStatusMessages",
        "shutdownTimeoutSeconds", "servicesStartConcurrently", "servicesStopConcurrently",
        "hostingStartupAssemblies", "hostingStartupExcludeAssemblies", "preventHostingStartup",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A setting's key. A level written {like-this} stands for any one level: a principal's name, or an array item's
    /// index for settings that appsettings.json may write as arrays (<see cref="ArrayItems"/>, not shown by --help).
    /// </summary>
    public static bool IsKnown(string key) => All.Select(setting => setting.Key).Concat(ArrayItems).Any(pattern => Matches(pattern, key));

    private static readonly string[] ArrayItems = [ClientCertificatePrincipals.RoleItemKey];

    private static bool Matches(string pattern, string key)
    {
        var wanted = pattern.Split(':');
        var given = (key ?? string.Empty).Split(':');
        return wanted.Length == given.Length
               && wanted.Zip(given).All(level => (level.First.StartsWith('{') && level.Second.Length > 0)
                                                 || string.Equals(level.First, level.Second, StringComparison.OrdinalIgnoreCase));
    }
}
