using EventDialogue.Server.Api.Views.Commitments;
using EventDialogue.Server.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace EventDialogue.Server.Web.Pages.Commitments;

/// <summary>One commitment: its status as of a day with the why, and every fact with its source and quote.</summary>
public sealed class CommitmentModel(WebReads reads) : ReadingPage
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "as_of")]
    public string? AsOf { get; set; }

    public CommitmentRead? Read { get; private set; }

    public Task<IActionResult> OnGetAsync() => ReadAsync(async () => Read = await reads.CommitmentAsync(Id, Given(AsOf), HttpContext.RequestAborted));
}
