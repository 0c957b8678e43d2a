using EventDialogue.Server.Api.Views.Commitments;
using EventDialogue.Server.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace EventDialogue.Server.Web.Pages.Commitments;

/// <summary>The commitments dashboard, as of a day: counts by round, party and kind, the timeline, and the list.</summary>
public sealed class IndexModel(WebReads reads) : ReadingPage
{
    [BindProperty(SupportsGet = true, Name = "as_of")]
    public string? AsOf { get; set; }

    [BindProperty(SupportsGet = true, Name = "round")]
    public string? Round { get; set; }

    [BindProperty(SupportsGet = true, Name = "made_by")]
    public string? MadeBy { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    public IReadOnlyList<CommitmentRead> Commitments { get; private set; } = [];

    /// <summary>The day the statuses are assessed as of (the server's today when none was asked).</summary>
    public DateOnly? Day { get; private set; }

    public IReadOnlyList<Tally> Tallies { get; private set; } = [];

    public IReadOnlyList<TimelineRow> Timeline { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => ReadAsync(async () =>
    {
        Commitments = await reads.CommitmentsAsync(Given(AsOf), Given(Status), Given(MadeBy), Given(Round), Given(Kind), HttpContext.RequestAborted);
        Day = Commitments.Count > 0 ? Commitments[0].AsOf : null;
        Tallies = [CommitmentTally.ByRound(Commitments), CommitmentTally.ByParty(Commitments), CommitmentTally.ByKind(Commitments)];
        Timeline = Day is { } day ? CommitmentTimeline.Of(Commitments, day) : [];
    });
}
