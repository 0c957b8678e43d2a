using static EventDialogue.Domain.Commitments.Assessment.CommitmentFact;

namespace EventDialogue.Domain.Commitments.Assessment;

/// <summary>
/// Judges a commitment as of a day from what the record holds, claiming no more than it shows:
/// <list type="bullet">
/// <item>only facts known to have happened by the as-of day count (every day their date can mean is on or before it);
/// the others are left out, and named;</item>
/// <item>the window in force is the latest rescheduling known by then;</item>
/// <item>lateness is a range when dates are vague, and "kept, possibly late" when the fulfilment may fall either side
/// of the window's end;</item>
/// <item>silence is "overdue" only where the reviewed record covers the window's end; past the horizon it is
/// "unknown".</item>
/// </list>
/// </summary>
public static class CommitmentAssessor
{
    public static CommitmentAssessment Assess(IReadOnlyList<CommitmentFact> facts, RecordCoverage coverage, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(coverage);
        var made = facts.OfType<Made>().FirstOrDefault()
            ?? throw new ArgumentException("a commitment's facts include its making", nameof(facts));
        var used = new List<CommitmentFact>();
        var leftOut = new List<LeftOutFact>();
        foreach (var fact in facts)
        {
            switch (KnowledgeAsOf.Of(fact.On, asOf))
            {
                case Knowledge.Known:
                    used.Add(fact);
                    break;
                case Knowledge.Possible:
                    leftOut.Add(new LeftOutFact(fact, $"{fact.What}: possibly after {asOf:yyyy-MM-dd}"));
                    break;
                default:
                    leftOut.Add(new LeftOutFact(fact, $"{fact.What}: after {asOf:yyyy-MM-dd}"));
                    break;
            }
        }

        var judged = new Judgement(asOf, used, leftOut);
        if (!used.Contains(made))
        {
            return judged.Say(CommitmentVerdict.NotYetMade, made.Due, null, $"not known to have been made by {asOf:yyyy-MM-dd} ({made.What})");
        }

        var window = used.OfType<Rescheduled>().LastOrDefault()?.Due ?? made.Due;
        return used.OfType<Withdrawn>().FirstOrDefault() is { } withdrawn
            ? judged.Say(CommitmentVerdict.Withdrawn, window, null, withdrawn.What)
            : used.OfType<Fulfilled>().FirstOrDefault() is { } fulfilled
                ? JudgeKept(judged, window, fulfilled)
                : used.OfType<DeclaredBroken>().FirstOrDefault() is { } broken
                    ? judged.Say(CommitmentVerdict.Broken, window, null, broken.What)
                    : JudgeSilence(judged, window, coverage);
    }

    private static CommitmentAssessment JudgeKept(Judgement judged, Dates.EdtfDate window, Fulfilled fulfilled)
    {
        if (window.Latest is not { } deadline)
        {
            return judged.Say(CommitmentVerdict.Kept, window, null, $"{fulfilled.What}; the window {window} has no end");
        }

        // Known facts have a last day; a fulfilment with no first day may have been on any earlier one.
        var last = fulfilled.On.Latest!.Value;
        if (last <= deadline)
        {
            return judged.Say(CommitmentVerdict.Kept, window, null, $"{fulfilled.What}, within the window {window}");
        }

        var first = fulfilled.On.Earliest ?? DateOnly.MinValue;
        var late = first > deadline
            ? new DayRange(first.DayNumber - deadline.DayNumber, last.DayNumber - deadline.DayNumber)
            : new DayRange(0, last.DayNumber - deadline.DayNumber);
        return first > deadline
            ? judged.Say(CommitmentVerdict.KeptLate, window, late, $"{fulfilled.What}, after the window {window} ended on {deadline:yyyy-MM-dd}: {late} late")
            : judged.Say(CommitmentVerdict.KeptPossiblyLate, window, late, $"{fulfilled.What}, which may fall after the window {window} ended on {deadline:yyyy-MM-dd}: {late} late");
    }

    private static CommitmentAssessment JudgeSilence(Judgement judged, Dates.EdtfDate window, RecordCoverage coverage)
    {
        var asOf = judged.AsOf;
        if (window.Latest is not { } deadline)
        {
            return window.EndKind == Dates.EdtfDate.IntervalEnd.Open
                ? judged.Say(CommitmentVerdict.Pending, window, null, $"no outcome recorded; the window {window} has no end")
                : judged.Say(CommitmentVerdict.Unknown, window, null, $"no outcome recorded; the window {window} gives no end to judge by");
        }

        if (asOf <= deadline)
        {
            return judged.Say(CommitmentVerdict.Pending, window, null, $"no outcome recorded by {asOf:yyyy-MM-dd}; the window {window} ends on {deadline:yyyy-MM-dd}");
        }

        if (!coverage.Covers(deadline))
        {
            return judged.Say(CommitmentVerdict.Unknown, window, null, $"no outcome recorded, and no information after the window {window} ended on {deadline:yyyy-MM-dd} ({coverage})");
        }

        var through = coverage.CoveredThrough!.Value;
        var late = new DayRange(Min(asOf, through).DayNumber - deadline.DayNumber, asOf.DayNumber - deadline.DayNumber);
        var after = through < asOf ? $"; no information after {coverage.ReviewedUpTo}" : string.Empty;
        return judged.Say(CommitmentVerdict.Overdue, window, late, $"no outcome recorded; the window {window} ended on {deadline:yyyy-MM-dd}, within the reviewed record ({coverage}): {late} late as of {asOf:yyyy-MM-dd}{after}");
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private sealed record Judgement(DateOnly AsOf, IReadOnlyList<CommitmentFact> Used, IReadOnlyList<LeftOutFact> LeftOut)
    {
        public CommitmentAssessment Say(CommitmentVerdict verdict, Dates.EdtfDate window, DayRange? late, string reason) =>
            new(verdict, AsOf, window, late, reason, Used, LeftOut);
    }
}
