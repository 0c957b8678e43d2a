using EventDialogue.Server.Tests.Hosting;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Access.Jwt;

/// <summary>The real server accepting the test issuer's JWTs for <see cref="Audience"/>, and the issuer, for the collection.</summary>
public sealed class JwtServer : IAsyncLifetime
{
    public const string Audience = "https://records.test/";
    public const string OtherAudience = "https://elsewhere.test/";
    public const string Analyst = "dashboard";
    public const string Recorder = "recording-desk";
    public const string NoRoles = "bystander";
    public const string ShortLived = "short-lived";
    public const string Auditor = "audit-desk";
    public const string ClearedAuditor = "cleared-audit-desk";

    private readonly string _workingDirectory = TempDirectory.Create();
    private TestIssuer? _issuer;
    private ServerProcess? _server;

    internal TestIssuer Issuer => _issuer ?? throw new InvalidOperationException("not started");

    public string Output => _server?.Output.ToString() ?? string.Empty;

    public async Task InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync(
            [Audience, OtherAudience],
            [new(Analyst, ["analyst"]), new(Recorder, ["recorder"]), new(NoRoles, []), new(ShortLived, ["analyst"], TtlSeconds: 1),
                new(Auditor, ["auditor"]), new(ClearedAuditor, ["auditor", "cleared:confidential"])]);
        _server = ServerProcess.Start(_workingDirectory, new Dictionary<string, string>
        {
            ["EventStore:SqlitePath"] = Path.Combine(_workingDirectory, "jwt.sqlite"),
            ["Security:Jwt:Authority"] = _issuer.Address.ToString().TrimEnd('/'),
            ["Security:Jwt:Audience"] = Audience,

            // Expiry judged to the second, so that a token of one second is refused a moment later.
            ["Security:Jwt:ClockSkewSeconds"] = "0",
        });
        await _server.WaitUntilServingAsync(Timeouts.ServerStart);
    }

    public Task<string> TokenAsync(string client, string audience = Audience) => Issuer.TokenAsync(client, audience);

    public GrpcChannel Channel(string? token) => (_server ?? throw new InvalidOperationException("not started")).CreateChannel(token);

    public GrpcChannel AdminChannel() => (_server ?? throw new InvalidOperationException("not started")).CreateChannel();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_issuer is not null)
        {
            await _issuer.DisposeAsync();
        }

        TempDirectory.Delete(_workingDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class JwtGroup : ICollectionFixture<JwtServer>
{
    public const string Name = "JWTs from an OpenID Connect issuer";
}
