using EventDialogue.Server.Api.Views.Rounds;
using EventDialogue.Server.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace EventDialogue.Server.Web.Pages.Rounds;

/// <summary>One round: delegations, sessions, visits, and the statements, cases and commitments linked to it.</summary>
public sealed class RoundModel(WebReads reads) : ReadingPage
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public RoundRead? Read { get; private set; }

    public Task<IActionResult> OnGetAsync() => ReadAsync(async () => Read = await reads.RoundAsync(Id, HttpContext.RequestAborted));
}
