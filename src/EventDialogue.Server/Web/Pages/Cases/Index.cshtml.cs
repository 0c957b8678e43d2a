using EventDialogue.Server.Api.Views.Cases;
using EventDialogue.Server.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace EventDialogue.Server.Web.Pages.Cases;

/// <summary>The case files, filtered by status, round, who raised them and kind, or searched by name and description.</summary>
public sealed class IndexModel(WebReads reads) : ReadingPage
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "round")]
    public string? Round { get; set; }

    [BindProperty(SupportsGet = true, Name = "raised_by")]
    public string? RaisedBy { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    public IReadOnlyList<CaseFileRead> Cases { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => ReadAsync(async () =>
        Cases = await reads.CaseFilesAsync(Given(Status), Given(Round), Given(RaisedBy), Given(Kind), Given(Query), HttpContext.RequestAborted));
}
