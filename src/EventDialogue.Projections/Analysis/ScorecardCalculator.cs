using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Projections.Views.Commitments;

namespace EventDialogue.Projections.Analysis;

/// <summary>
/// Counts commitments by status in groups. Each commitment is assessed exactly as the tracker assesses it (the
/// domain's <see cref="CommitmentAssessor"/> on its view's facts), so a scorecard and GetCommitment never disagree;
/// commitments not yet made on the day are not counted. A commitment is in every group its key gives: a joint
/// commitment counts for each side, one made in a round of several topics for each topic.
/// </summary>
public static class ScorecardCalculator
{
    /// <summary>The group of commitments that have no key by the grouping asked: made outside any round.</summary>
    public const string NoKey = "(none)";

    private static readonly CommitmentVerdict[] Counted = [.. CommitmentVerdicts.All.Where(v => v != CommitmentVerdict.NotYetMade)];

    public static Scorecard Compute(IEnumerable<CommitmentView> commitments, ScorecardQuestion question, ScorecardContext context)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        var kindsCounted = KindsCounted(question);
        var assessed = commitments
            .Where(c => Passes(c, question, context))
            .Select(c => (View: c, Assessment: CommitmentAssessor.Assess(CommitmentFacts.Of(c), context.Coverage(c), question.AsOf)))
            .Where(c => c.Assessment.Verdict != CommitmentVerdict.NotYetMade)
            .ToList();
        var counted = assessed.Where(c => kindsCounted.Contains(c.View.Kind)).ToList();
        var others = question.Kind is null ? assessed.Where(c => !kindsCounted.Contains(c.View.Kind)).ToList() : [];
        return new Scorecard(question.AsOf, question.By, kindsCounted, Groups(counted, question.By, context), Groups(others, question.By, context));
    }

    /// <summary>The median of the values (the mean of the middle two when their number is even); 0 when there are none.</summary>
    public static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static IReadOnlyList<string> KindsCounted(ScorecardQuestion question) =>
        question.Kind is { } kind ? [kind]
        : question.IncludeAllKinds || question.By == ScorecardGrouping.Kind ? CommitmentKinds.Names
        : [CommitmentKinds.Undertaking];

    private static bool Passes(CommitmentView view, ScorecardQuestion question, ScorecardContext context) =>
        (question.RoundId is null || view.RoundId == question.RoundId)
        && (question.MadeBy is null || view.MadeBy.Contains(question.MadeBy))
        && (question.Kind is null || view.Kind == question.Kind)
        && (question.DialogueId is null || (view.RoundId is { } round && context.DialogueOfRound(round) == question.DialogueId));

    private static List<ScorecardGroup> Groups(IReadOnlyList<(CommitmentView View, CommitmentAssessment Assessment)> assessed, ScorecardGrouping by, ScorecardContext context) =>
        [.. assessed
            .SelectMany(c => Keys(c.View, by, context).Select(key => (Key: key, c.View, c.Assessment)))
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Group(g.Key, [.. g.Select(c => (c.View, c.Assessment)).OrderBy(c => c.View.CommitmentId, StringComparer.Ordinal)]))];

    private static List<string> Keys(CommitmentView view, ScorecardGrouping by, ScorecardContext context)
    {
        IEnumerable<string> keys = by switch
        {
            ScorecardGrouping.Dialogue => view.RoundId is { } round && context.DialogueOfRound(round) is { } dialogue ? [dialogue] : [],
            ScorecardGrouping.Round => view.RoundId is { } round ? [round] : [],
            ScorecardGrouping.Party => view.MadeBy,
            ScorecardGrouping.Topic => view.RoundId is { } round ? context.TopicsOfRound(round) : [],
            _ => [view.Kind],
        };
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? [NoKey] : distinct;
    }

    private static ScorecardGroup Group(string key, IReadOnlyList<(CommitmentView View, CommitmentAssessment Assessment)> members)
    {
        var ids = members.Select(m => m.View.CommitmentId).ToList();
        var statuses = Counted
            .Select(status => members.Where(m => m.Assessment.Verdict == status).Select(m => m.View.CommitmentId).ToList())
            .Select((withStatus, i) => new StatusTally(Counted[i], withStatus, (double)withStatus.Count / ids.Count))
            .ToList();
        var late = members.Where(m => m.Assessment.Late is not null).ToList();
        var lateness = late.Count == 0
            ? LatenessSpread.None
            : new LatenessSpread(
                [.. late.Select(m => m.View.CommitmentId)],
                Median(late.Select(m => m.Assessment.Late!.Least)),
                Median(late.Select(m => m.Assessment.Late!.Most)),
                late.Min(m => m.Assessment.Late!.Least),
                late.Max(m => m.Assessment.Late!.Most));
        return new ScorecardGroup(key, ids, statuses, lateness);
    }
}
