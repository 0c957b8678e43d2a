using EventDialogue.Domain.Commitments.Assessment;

namespace EventDialogue.Projections.Analysis;

/// <summary>
/// How commitments fared as of a day, in groups, with the commitments behind every number. <see cref="OtherKinds"/>
/// holds, grouped the same way, the kinds not counted (a hope or a request is not a promise to be kept).
/// </summary>
public sealed record Scorecard(
    DateOnly AsOf,
    ScorecardGrouping By,
    IReadOnlyList<string> KindsCounted,
    IReadOnlyList<ScorecardGroup> Groups,
    IReadOnlyList<ScorecardGroup> OtherKinds);

/// <summary>One group: every commitment in it, how many have each status, and how late the late ones are.</summary>
public sealed record ScorecardGroup(string Key, IReadOnlyList<string> CommitmentIds, IReadOnlyList<StatusTally> Statuses, LatenessSpread Lateness)
{
    public int Total => CommitmentIds.Count;
}

/// <summary>The commitments of a group with one status, and their share of the group (0 to 1).</summary>
public sealed record StatusTally(CommitmentVerdict Status, IReadOnlyList<string> CommitmentIds, double Rate)
{
    public int Count => CommitmentIds.Count;
}

/// <summary>
/// How late a group's late commitments are, in days. Each is late by a range when its dates are vague, so the medians
/// are of the ranges' least bounds and of their most bounds, and the spread runs from the least to the most.
/// </summary>
public sealed record LatenessSpread(IReadOnlyList<string> CommitmentIds, double MedianLeast, double MedianMost, int Least, int Most)
{
    public static LatenessSpread None { get; } = new([], 0, 0, 0, 0);

    public int Count => CommitmentIds.Count;
}
