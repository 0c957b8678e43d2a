using EventDialogue.Server.Api.Views.Statements;
using EventDialogue.Server.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace EventDialogue.Server.Web.Pages.Statements;

/// <summary>What was said: searched in full text (matches highlighted), filtered by speaker, side, topic and round.</summary>
public sealed class IndexModel(WebReads reads) : ReadingPage
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "speaker")]
    public string? Speaker { get; set; }

    [BindProperty(SupportsGet = true, Name = "side")]
    public string? Side { get; set; }

    [BindProperty(SupportsGet = true, Name = "topic")]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true, Name = "round")]
    public string? Round { get; set; }

    public IReadOnlyList<StatementRead> Statements { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => ReadAsync(async () =>
        Statements = await reads.StatementsAsync(Given(Speaker), Given(Side), Given(Topic), Given(Round), Given(Query), sourceId: null, HttpContext.RequestAborted));
}
