using Microsoft.Playwright;

namespace EventDialogue.Server.Tests.Web;

/// <summary>
/// The web page as analysts use it, in a real browser against the real server with the reference record: the
/// dashboard's charts hold the record's counts, the as-of date replays the statuses, the case files, the search, the
/// comparison of rounds and the citations lead where they say. A script error on any page fails its test.
/// </summary>
[Collection(WebRecordGroup.Name)]
public sealed class WebPageTests(WebRecord web)
{
    private const string NextRoundInChina = "next-round-in-china-2011";

    [Fact]
    public async Task The_dashboard_charts_count_every_commitment_listed_by_round_party_and_kind()
    {
        await using var session = await BrowserSession.OpenAsync(web);
        await session.SignInAsync(web.AnalystKey, "/commitments?as_of=2012-12-31");

        var listed = await session.Page.Locator("#commitments tbody tr").CountAsync();
        Assert.True(listed >= 5, $"only {listed} commitments listed");
        foreach (var chart in new[] { "chart-status-by-round", "chart-status-by-kind" })
        {
            var total = await session.Page.EvaluateAsync<int>(
                "id => Chart.getChart(document.querySelector('#' + id + ' canvas')).data.datasets.flatMap(d => d.data).reduce((a, b) => a + b, 0)", chart);
            Assert.Equal(listed, total);
        }

        var rounds = await session.Page.EvaluateAsync<string[]>("() => Chart.getChart(document.querySelector('#chart-status-by-round canvas')).data.labels");
        Assert.Contains("2010-washington", rounds);
        var parties = await session.Page.EvaluateAsync<string[]>("() => Chart.getChart(document.querySelector('#chart-status-by-party canvas')).data.labels");
        Assert.Equal(["cn", "us"], parties);
        var timeline = await session.Page.EvaluateAsync<int>("() => Chart.getChart(document.querySelector('#chart-timeline canvas')).data.labels.length");
        Assert.Equal(listed, timeline);
        await session.ScreenshotAsync("commitments-dashboard");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Changing_the_as_of_date_replays_the_next_round_in_China_from_pending_to_kept()
    {
        await using var session = await BrowserSession.OpenAsync(web);
        await session.SignInAsync(web.AnalystKey, "/commitments?as_of=2010-12-31");
        var status = session.Page.Locator($"tr[data-commitment='{NextRoundInChina}'] td.status");
        Assert.Equal("pending", (await status.TextContentAsync())?.Trim());
        var fulfilled = session.Page.Locator($"tr[data-commitment='{NextRoundInChina}'] td.fulfilled");
        Assert.Equal(string.Empty, (await fulfilled.TextContentAsync())?.Trim());

        await session.Page.GetByLabel("As of (date)").FillAsync("2011-12-31");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await session.WaitForAddressAsync("as_of=2011-12-31");

        Assert.Equal("kept", (await status.TextContentAsync())?.Trim());
        Assert.Equal("sometime in April 2011", (await fulfilled.TextContentAsync())?.Trim());
        await session.ScreenshotAsync("commitments-as-of-2011-12-31");

        await session.Page.Locator($"tr[data-commitment='{NextRoundInChina}'] a").First.ClickAsync();
        await session.WaitForAddressAsync($"/commitments/{NextRoundInChina}?as_of=2011-12-31");
        Assert.Equal("kept", await session.Page.Locator("#verdict").TextContentAsync());
        Assert.False(string.IsNullOrWhiteSpace(await session.Page.Locator("#why").TextContentAsync()));
        Assert.True(await session.Page.Locator("blockquote").CountAsync() > 0, "the commitment page quotes no source");
        await session.ScreenshotAsync("commitment");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_case_file_opens_from_the_list_with_its_status_timeline_and_quoted_sources()
    {
        await using var session = await BrowserSession.OpenAsync(web);
        await session.SignInAsync(web.AnalystKey, "/cases");
        await session.ScreenshotAsync("cases");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Liu Xiaobo", Exact = false }).First.ClickAsync();
        await session.WaitForAddressAsync("/cases/liu-xiaobo");

        Assert.Contains("Liu Xiaobo", await session.Page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await session.Page.Locator("#status-timeline li").CountAsync() > 0, "no status on the timeline");
        Assert.True(await session.Page.Locator("blockquote").CountAsync() > 0, "the case file quotes no source");
        await session.ScreenshotAsync("case-file");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Searching_the_statements_highlights_the_matching_words()
    {
        await using var session = await BrowserSession.OpenAsync(web);
        await session.SignInAsync(web.AnalystKey, "/statements");

        await session.Page.GetByLabel("Words").FillAsync("dialogue");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await session.WaitForAddressAsync("q=dialogue");

        var marks = session.Page.Locator("li.statement mark");
        Assert.True(await marks.CountAsync() > 0, "no highlighted match");
        Assert.StartsWith("dialogue", (await marks.First.TextContentAsync())!.ToLowerInvariant(), StringComparison.Ordinal);
        await session.ScreenshotAsync("statements-search");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Two_rounds_compare_side_by_side_with_their_delegations()
    {
        await using var session = await BrowserSession.OpenAsync(web);
        await session.SignInAsync(web.AnalystKey, "/rounds");
        await session.ScreenshotAsync("rounds");

        await session.Page.GetByLabel("First round").SelectOptionAsync("2010-washington");
        await session.Page.GetByLabel("Second round").SelectOptionAsync("2011-beijing");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await session.WaitForAddressAsync("/rounds/compare?a=2010-washington&b=2011-beijing");

        Assert.Contains("Michael Posner", await session.Page.Locator("#first-round").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Beijing", await session.Page.Locator("#second-round").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await session.Page.Locator("#second-round .links-case li").CountAsync() > 0, "no case raised in the 2011 round");
        await session.ScreenshotAsync("rounds-compared");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_citation_leads_to_its_source_and_what_the_record_quotes_from_it()
    {
        await using var session = await BrowserSession.OpenAsync(web);
        await session.SignInAsync(web.AnalystKey, $"/commitments/{NextRoundInChina}");

        var citation = session.Page.Locator(".citation a").First;
        var sourceId = await citation.TextContentAsync();
        await citation.ClickAsync();
        await session.WaitForAddressAsync($"/sources/{sourceId}");

        // The source as registered: its title heads the page, and the document's address in ../shared/sources is given.
        Assert.Equal(sourceId, await session.Page.Locator("dl.source dd code").First.TextContentAsync());
        Assert.DoesNotContain(sourceId!, await session.Page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.Matches("^00[0-4]_[0-9a-f]{16}\\.txt$", await session.Page.Locator(".source-address").TextContentAsync());
        Assert.True(await session.Page.Locator("blockquote, .quote, q").CountAsync() > 0, "the source page shows no quoted words");
        await session.ScreenshotAsync("source");
        session.AssertNoScriptErrors();
    }
}
