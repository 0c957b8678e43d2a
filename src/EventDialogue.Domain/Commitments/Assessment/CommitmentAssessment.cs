using EventDialogue.Domain.Dates;

namespace EventDialogue.Domain.Commitments.Assessment;

/// <summary>
/// A verdict with its why, so that a reader can check it against the documents: the window in force, how late (as a
/// range when dates are vague), the rule applied in words, the facts it rests on and those it left out.
/// </summary>
public sealed record CommitmentAssessment(
    CommitmentVerdict Verdict,
    DateOnly AsOf,
    EdtfDate Window,
    DayRange? Late,
    string Reason,
    IReadOnlyList<CommitmentFact> Used,
    IReadOnlyList<LeftOutFact> LeftOut);

/// <summary>A fact the assessment did not use, and why: it is not known to have happened by the as-of day.</summary>
public sealed record LeftOutFact(CommitmentFact Fact, string Why);
