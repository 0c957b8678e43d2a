using Microsoft.Playwright;

namespace EventDialogue.Server.Tests.Web;

/// <summary>Signing in and out of the web page with the API's keys and roles, and the page with the script off.</summary>
[Collection(WebRecordGroup.Name)]
public sealed class WebSignInTests(WebRecord web)
{
    [Fact]
    public async Task A_reader_who_is_not_signed_in_is_sent_to_sign_in_and_back_and_signing_out_ends_the_session()
    {
        await using var session = await BrowserSession.OpenAsync(web);
        await session.Page.GotoAsync("/cases?kind=person");
        Assert.Contains("/sign-in?returnUrl=", session.Page.Url, StringComparison.Ordinal);

        await session.Page.GetByLabel("API key").FillAsync("edk_not-a-key-this-server-gave");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Contains("not accepted", await session.Page.Locator("#sign-in-problem").TextContentAsync(), StringComparison.Ordinal);
        session.ForgetRefusedLoads();
        await session.ScreenshotAsync("sign-in-refused");

        await session.SignInAsync(web.AnalystKey, "/cases?kind=person");
        Assert.EndsWith("/cases?kind=person", session.Page.Url, StringComparison.Ordinal);
        var cookie = (await session.Context.CookiesAsync()).Single(c => c.Name == "eventdialogue-session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(web.AnalystKey, cookie.Value, StringComparison.Ordinal);

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await session.WaitForAddressAsync("/sign-in");
        await session.Page.GotoAsync("/cases");
        Assert.Contains("/sign-in?returnUrl=", session.Page.Url, StringComparison.Ordinal);
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_key_without_the_analyst_role_is_refused_the_views_pages_naming_the_role()
    {
        await using var session = await BrowserSession.OpenAsync(web);
        await session.SignInAsync(web.RecorderKey, "/");

        var response = await session.Page.GotoAsync("/commitments");
        Assert.Equal(403, response!.Status);
        Assert.Contains("needs the role analyst", await session.Page.Locator("[role=alert]").TextContentAsync(), StringComparison.Ordinal);
        session.ForgetRefusedLoads();
        await session.ScreenshotAsync("refused-role");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_sign_in_form_posted_without_its_antiforgery_token_is_refused()
    {
        await using var session = await BrowserSession.OpenAsync(web);
        var response = await session.Context.APIRequest.PostAsync("/sign-in", new() { Form = session.Context.APIRequest.CreateFormData().Set("apiKey", web.AnalystKey), MaxRedirects = 0 });

        Assert.Equal(400, response.Status);
        Assert.DoesNotContain(await session.Context.CookiesAsync(), c => c.Name == "eventdialogue-session");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task With_the_script_off_the_pages_are_still_readable()
    {
        await using var session = await BrowserSession.OpenAsync(web, javaScript: false);
        await session.SignInAsync(web.AnalystKey, "/commitments?as_of=2011-12-31");

        Assert.Equal("kept", (await session.Page.Locator("tr[data-commitment='next-round-in-china-2011'] td.status").TextContentAsync())?.Trim());
        Assert.True(await session.Page.Locator("#chart-status-by-round table tbody tr").CountAsync() > 0, "the counts are not in the page without the script");
        await session.ScreenshotAsync("commitments-without-script");

        await session.Page.GotoAsync("/cases/liu-xiaobo");
        Assert.True(await session.Page.Locator("#status-timeline li").CountAsync() > 0, "the case file is empty without the script");
        session.AssertNoScriptErrors();
    }
}
