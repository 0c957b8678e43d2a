namespace EventDialogue.Domain.Commitments.Assessment;

/// <summary>What the record lets one say of a commitment on a day — and no more than it lets one say.</summary>
public enum CommitmentVerdict
{
    NotYetMade,

    /// <summary>Its window has not ended, or has no end, and no outcome is recorded.</summary>
    Pending,

    /// <summary>Its window ended, the reviewed record covers that end, and no outcome is recorded.</summary>
    Overdue,

    /// <summary>No outcome is recorded, and the record cannot tell: its window ended after the reviewed record does, or gives no end.</summary>
    Unknown,

    /// <summary>Kept within its window (or a window with no end).</summary>
    Kept,

    /// <summary>Kept, certainly after its window ended.</summary>
    KeptLate,

    /// <summary>Kept, on a date vague enough to fall either side of the window's end.</summary>
    KeptPossiblyLate,

    Broken,

    Withdrawn,
}

/// <summary>The verdicts' stable names, as answered over the API.</summary>
public static class CommitmentVerdicts
{
    public static IReadOnlyList<CommitmentVerdict> All { get; } = Enum.GetValues<CommitmentVerdict>();

    public static string Name(this CommitmentVerdict verdict) => verdict switch
    {
        CommitmentVerdict.NotYetMade => "not-yet-made",
        CommitmentVerdict.Pending => "pending",
        CommitmentVerdict.Overdue => "overdue",
        CommitmentVerdict.Unknown => "unknown",
        CommitmentVerdict.Kept => "kept",
        CommitmentVerdict.KeptLate => "kept-late",
        CommitmentVerdict.KeptPossiblyLate => "kept-possibly-late",
        CommitmentVerdict.Broken => "broken",
        CommitmentVerdict.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "not a verdict"),
    };
}
