using EventDialogue.Domain.Common;

namespace EventDialogue.Projections.Analysis;

/// <summary>What a scorecard's groups are by.</summary>
public enum ScorecardGrouping
{
    Dialogue,
    Round,
    Party,
    Topic,
    Kind,
}

/// <summary>The groupings' names, as asked for over the API and on the command line.</summary>
public static class ScorecardGroupings
{
    public static IReadOnlyList<string> Names { get; } = ["dialogue", "round", "party", "topic", "kind"];

    public static string Name(this ScorecardGrouping grouping) => Names[(int)grouping];

    /// <summary>The grouping named; dialogue when none is named.</summary>
    public static ScorecardGrouping Parse(string? name, string field)
    {
        if (string.IsNullOrEmpty(name))
        {
            return ScorecardGrouping.Dialogue;
        }

        var index = Names.ToList().IndexOf(name);
        return index >= 0
            ? (ScorecardGrouping)index
            : throw DomainException.Invalid(field, $"'{name}' is not a grouping; one of: {string.Join(", ", Names)}");
    }
}
