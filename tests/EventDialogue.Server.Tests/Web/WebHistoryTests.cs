using Microsoft.Playwright;

namespace EventDialogue.Server.Tests.Web;

/// <summary>The auditors' page: an entry's history, the signed checkpoint, and an inclusion proof checked in the browser.</summary>
[Collection(WebRecordGroup.Name)]
public sealed class WebHistoryTests(WebRecord web)
{
    [Fact]
    public async Task An_auditor_opens_a_case_history_and_the_browser_verifies_an_event_against_the_signed_root()
    {
        await using var session = await BrowserSession.OpenAsync(web);
        await session.SignInAsync(web.AuditorKey, "/cases/liu-xiaobo");
        await session.Page.Locator("a.history-link").ClickAsync();
        await session.WaitForAddressAsync("/history?stream=case-liu-xiaobo");
        Assert.True(await session.Page.Locator("#history-events > li").CountAsync() > 0, "the case has no event in its history");

        // The importer's last events may be newer than the checkpoint: the first event of the case is older than the last.
        var firstEvent = session.Page.Locator("#history-events > li").First;
        await firstEvent.GetByRole(AriaRole.Button, new() { Name = "Verify in your browser" }).ClickAsync();
        var result = firstEvent.Locator(".verify-result");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-verified", "true", new() { Timeout = 30_000 });
        Assert.StartsWith("Verified", await result.TextContentAsync(), StringComparison.Ordinal);
        await session.ScreenshotAsync("history-verified");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task An_analyst_without_the_auditor_role_is_refused_the_history_page()
    {
        await using var session = await BrowserSession.OpenAsync(web);
        await session.SignInAsync(web.AnalystKey, "/");

        var response = await session.Page.GotoAsync("/history?stream=case-liu-xiaobo");
        Assert.Equal(403, response!.Status);
        Assert.Contains("needs the role auditor", await session.Page.Locator("[role=alert]").TextContentAsync(), StringComparison.Ordinal);
        session.ForgetRefusedLoads();
        session.AssertNoScriptErrors();
    }
}
