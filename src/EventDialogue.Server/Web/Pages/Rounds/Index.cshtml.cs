using EventDialogue.Server.Api.Views.Rounds;
using EventDialogue.Server.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace EventDialogue.Server.Web.Pages.Rounds;

/// <summary>The rounds, and the form that puts two of them side by side.</summary>
public sealed class IndexModel(WebReads reads) : ReadingPage
{
    public IReadOnlyList<RoundRead> Rounds { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => ReadAsync(async () => Rounds = await reads.RoundsAsync(HttpContext.RequestAborted));
}
