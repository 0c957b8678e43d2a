using EventDialogue.Api.V1;
using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.ReferenceRecord;
using Microsoft.Playwright;

namespace EventDialogue.Server.Tests.Web;

/// <summary>
/// The real server with the reference record imported, keys for each kind of reader, and one headless Debian
/// chromium driven by Playwright, started once for the collection. scripts/test.sh installs chromium when missing
/// (scripts/chromium.sh); Playwright's own browser download is never used.
/// </summary>
public sealed class WebRecord : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly SqliteReferenceRecord _record = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The HTTP/1.1 endpoint the page is served on.</summary>
    public Uri Address { get; private set; } = null!;

    public string AnalystKey { get; private set; } = null!;

    public string AuditorKey { get; private set; } = null!;

    /// <summary>A key that records but may not read the views.</summary>
    public string RecorderKey { get; private set; } = null!;

    /// <summary>Where each page's screenshot is saved: the test results' own folder.</summary>
    public static string Screenshots { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("EVENTDIALOGUE_TEST_RESULTS") is { Length: > 0 } results ? results : Path.Combine(AppContext.BaseDirectory, "TestResults"),
        "web-screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: run `bash scripts/chromium.sh` (scripts/test.sh does) to install Debian's chromium");
        }

        await _record.InitializeAsync();
        using (var json = _record.Server.NewJsonClient())
        {
            Address = json.BaseAddress!;
        }

        var keys = new KeysService.KeysServiceClient(_record.Server.Channel);
        AnalystKey = await CreateKeyAsync(keys, "web-analyst", "analyst");
        AuditorKey = await CreateKeyAsync(keys, "web-auditor", "analyst", "auditor");
        RecorderKey = await CreateKeyAsync(keys, "web-recorder", "recorder");
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _record.DisposeAsync();
    }

    private static async Task<string> CreateKeyAsync(KeysService.KeysServiceClient keys, string name, params string[] roles) =>
        (await keys.CreateKeyAsync(new CreateKeyRequest { Name = name, Roles = { roles } }, deadline: DateTime.UtcNow + Timeouts.Call)).Key;
}

[CollectionDefinition(Name)]
public sealed class WebRecordGroup : ICollectionFixture<WebRecord>
{
    public const string Name = "Web page in a real browser";
}
