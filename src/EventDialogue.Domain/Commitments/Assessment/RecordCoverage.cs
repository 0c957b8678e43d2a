using EventDialogue.Domain.Dates;

namespace EventDialogue.Domain.Commitments.Assessment;

/// <summary>
/// How far the record's sources have been reviewed. Silence before the horizon means nothing happened that the
/// sources report; silence after it means only that nobody has looked. "Reviewed up to 2012-07" covers July 2012 to
/// its last day: the sources of that month were read.
/// </summary>
public sealed record RecordCoverage
{
    private RecordCoverage(EdtfDate? reviewedUpTo) => ReviewedUpTo = reviewedUpTo;

    /// <summary>No review horizon recorded: silence proves nothing at any date.</summary>
    public static RecordCoverage None { get; } = new((EdtfDate?)null);

    public EdtfDate? ReviewedUpTo { get; }

    /// <summary>The last day the review covers; null when no horizon was recorded.</summary>
    public DateOnly? CoveredThrough => ReviewedUpTo?.Latest;

    public static RecordCoverage UpTo(string reviewedUpTo) => new(EdtfDate.Parse(reviewedUpTo));

    public bool Covers(DateOnly day) => CoveredThrough is { } through && day <= through;

    public override string ToString() => ReviewedUpTo is null ? "no review horizon recorded" : $"reviewed up to {ReviewedUpTo}";
}
