using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Server.Api.Views.Commitments;

namespace EventDialogue.Server.Web.Reading;

/// <summary>One bar chart's data: for each group (a round, a party, a kind), how many commitments have each status.</summary>
public sealed record Tally(string Title, IReadOnlyList<string> Groups, IReadOnlyList<string> Statuses, IReadOnlyList<IReadOnlyList<int>> Counts)
{
    public int Count(int group, int status) => Counts[group][status];

    public int Total(int group) => Counts[group].Sum();
}

/// <summary>
/// The dashboard's counts, a pure function of the commitments list as assessed on the as-of day. Computed here over
/// the commitments view's results until the AnalysisService's scorecard is merged; then the page reads that instead.
/// </summary>
public static class CommitmentTally
{
    public const string NoRound = "(no round)";

    /// <summary>The statuses in the order the charts stack them: open first, then the outcomes.</summary>
    public static IReadOnlyList<string> Statuses { get; } = CommitmentQueries.ListedStatuses;

    public static Tally ByRound(IReadOnlyList<CommitmentRead> commitments) =>
        Of("Status by round", commitments, c => [c.Commitment.RoundId ?? NoRound]);

    public static Tally ByParty(IReadOnlyList<CommitmentRead> commitments) =>
        Of("Status by party", commitments, c => c.Commitment.MadeBy);

    public static Tally ByKind(IReadOnlyList<CommitmentRead> commitments) =>
        Of("Status by kind", commitments, c => [c.Commitment.Kind]);

    /// <summary>A commitment made by two parties counts once for each.</summary>
    private static Tally Of(string title, IReadOnlyList<CommitmentRead> commitments, Func<CommitmentRead, IReadOnlyList<string>> groupsOf)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        var groups = commitments.SelectMany(groupsOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var counts = groups.Select(group => (IReadOnlyList<int>)[.. Statuses.Select(status =>
            commitments.Count(c => c.Assessment.Verdict.Name() == status && groupsOf(c).Contains(group, StringComparer.Ordinal)))]).ToList();
        return new Tally(title, groups, Statuses, counts);
    }
}
