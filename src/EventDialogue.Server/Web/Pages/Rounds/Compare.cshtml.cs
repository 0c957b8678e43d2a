using EventDialogue.Server.Api.Views.Rounds;
using EventDialogue.Server.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace EventDialogue.Server.Web.Pages.Rounds;

/// <summary>Two rounds side by side, each as its own page shows it.</summary>
public sealed class CompareModel(WebReads reads) : ReadingPage
{
    [BindProperty(SupportsGet = true, Name = "a")]
    public string? A { get; set; }

    [BindProperty(SupportsGet = true, Name = "b")]
    public string? B { get; set; }

    public RoundRead? First { get; private set; }

    public RoundRead? Second { get; private set; }

    public Task<IActionResult> OnGetAsync() => ReadAsync(async () =>
    {
        First = await reads.RoundAsync(A ?? string.Empty, HttpContext.RequestAborted);
        Second = await reads.RoundAsync(B ?? string.Empty, HttpContext.RequestAborted);
    });
}
