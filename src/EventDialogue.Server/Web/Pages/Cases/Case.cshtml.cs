using EventDialogue.Server.Api.Views.Cases;
using EventDialogue.Server.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace EventDialogue.Server.Web.Pages.Cases;

/// <summary>A case file: status timeline, raisings by round, responses, and the sources with their quoted words.</summary>
public sealed class CaseModel(WebReads reads) : ReadingPage
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public CaseFileRead? Read { get; private set; }

    public Task<IActionResult> OnGetAsync() => ReadAsync(async () => Read = await reads.CaseFileAsync(Id, HttpContext.RequestAborted));
}
