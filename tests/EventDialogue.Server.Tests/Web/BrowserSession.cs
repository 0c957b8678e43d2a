using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EventDialogue.Server.Tests.Web;

/// <summary>
/// One reader's browser context (its own cookies) on the web page: every script error and console error is kept, and
/// <see cref="AssertNoScriptErrors"/> fails the test when any was seen. Each page visited can be saved as a screenshot.
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    // Generous: the suite runs its collections side by side on two cores, and a page waits for the server's views.
    private static readonly float Wait = 90_000;
    private readonly List<string> _scriptErrors = [];
    private readonly List<string> _failedLoads = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.PageError += (_, error) => _scriptErrors.Add($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _failedLoads.Add($"HTTP {response.Status} {response.Url}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _scriptErrors.Add($"console error: {message.Text}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(WebRecord web, bool javaScript = true)
    {
        ArgumentNullException.ThrowIfNull(web);
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = web.Address.ToString(), JavaScriptEnabled = javaScript });
        context.SetDefaultTimeout(Wait);
        context.SetDefaultNavigationTimeout(Wait);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Signs in through the form, as a reader would, and waits for the page it leads to.</summary>
    public async Task SignInAsync(string key, string path = "/")
    {
        await Page.GotoAsync("/sign-in?returnUrl=" + Uri.EscapeDataString(path));
        await Page.GetByLabel("API key").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The page it leads to counts as reached once its document is parsed (its scripts ran): what a test reads next
        // is there, and a late image or style cannot hold the sign-in up. Not WaitForURLAsync: it checks and then
        // subscribes, and can miss a navigation or load state that lands in between (playwright-dotnet issue 3364) —
        // twice seen here as a 90 s timeout after the page had loaded. The address is asserted by polling instead, and
        // the load state is asked for in short turns: a state already reached is found at the next turn's check.
        await Assertions.Expect(Page).ToHaveURLAsync(LeftSignIn(), new() { Timeout = Wait });
        await WaitUntilParsedAsync();
    }

    /// <summary>
    /// Waits until the page's address contains <paramref name="part"/> and its document is parsed: the way the sign-in
    /// waits, for the same reason (WaitForURLAsync can miss a navigation that lands between its check and its
    /// subscription, seen again as a 90 s timeout after a click on a link).
    /// </summary>
    public async Task WaitForAddressAsync(string part)
    {
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(Regex.Escape(part)), new() { Timeout = Wait });
        await WaitUntilParsedAsync();
    }

    private async Task WaitUntilParsedAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(Wait);
        while (true)
        {
            try
            {
                await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                // asked again: a state reached while the last turn was subscribing is found by the next turn's check
            }
        }
    }

    [GeneratedRegex("^(?!.*/sign-in)")]
    private static partial Regex LeftSignIn();

    /// <summary>A refusal the test asked for (401, 403) is logged by the browser as a failed load: not a script error.</summary>
    public void ForgetRefusedLoads() =>
        _scriptErrors.RemoveAll(e => e.Contains("the server responded with a status of 40", StringComparison.Ordinal));

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebRecord.Screenshots, name + ".png"), FullPage = true });

    /// <summary>Fails the test when any page of the session threw or logged an error (called last, so an earlier failure shows first).</summary>
    public void AssertNoScriptErrors() =>
        Assert.True(_scriptErrors.Count == 0, "the page had script errors:\n" + string.Join("\n", _scriptErrors) + "\nloads refused:\n" + string.Join("\n", _failedLoads));

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
