using System.Diagnostics;
using System.Text.Json;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.Access.Jwt;

/// <summary>
/// A real OpenID Connect issuer (oidc-provider, pinned in issuer/package-lock.json and installed by npm ci on first
/// use, as the EventStoreDB client is) run as a node process on a free loopback port; killed on dispose. Each client
/// gets client-credentials tokens in JWT form holding its roles.
/// </summary>
internal sealed class TestIssuer : IAsyncDisposable
{
    public const string Secret = "test-client-secret";

    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "EventDialogue.Server.Tests", "Access", "Jwt", "issuer");
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = Timeouts.Call };

    private TestIssuer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public sealed record Client(string Id, string[] Roles, int TtlSeconds = 300);

    public Uri Address { get; }

    public static async Task<TestIssuer> StartAsync(IEnumerable<string> audiences, IEnumerable<Client> clients)
    {
        await EnsureInstalledAsync();
        var arguments = JsonSerializer.Serialize(new
        {
            port = FreePorts.Take(1)[0],
            audiences,
            clients = clients.Select(client => new { id = client.Id, secret = Secret, roles = client.Roles, ttlSeconds = client.TtlSeconds }),
        });
        var startInfo = new ProcessStartInfo("node") { WorkingDirectory = Folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add("issuer.js");
        startInfo.ArgumentList.Add(arguments);
        var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Timeouts.ServerStart);
        var line = await process.StandardOutput.ReadLineAsync(deadline.Token);
        if (line is null)
        {
            await process.WaitForExitAsync(deadline.Token);
            throw new InvalidOperationException($"the test issuer did not start: {await stderr}");
        }

        using var started = JsonDocument.Parse(line);
        return new TestIssuer(process, new Uri(started.RootElement.GetProperty("issuer").GetString()!));
    }

    /// <summary>A client-credentials access token for this client and resource (audience).</summary>
    public async Task<string> TokenAsync(string clientId, string audience)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = Secret,
            ["resource"] = audience,
        });
        using var response = await _http.PostAsync(new Uri(Address, "/token"), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"the issuer refused a token for {clientId}: {body}");
        using var token = JsonDocument.Parse(body);
        return token.RootElement.GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static async Task EnsureInstalledAsync()
    {
        var startInfo = new ProcessStartInfo("flock") { WorkingDirectory = Folder };
        foreach (var argument in new[] { Folder, "bash", "-c", "[ -f node_modules/oidc-provider/package.json ] || npm ci --no-audit --no-fund --loglevel=error" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var run = await ChildProcess.RunAsync(startInfo, TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, $"npm ci of the test issuer failed: {run}");
    }
}
