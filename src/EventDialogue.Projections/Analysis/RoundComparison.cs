using EventDialogue.Projections.Views.Rounds;

namespace EventDialogue.Projections.Analysis;

/// <summary>Two rounds side by side: what is in one only, in the other only and in both, and each side's words on each.</summary>
public sealed record RoundComparison(
    string RoundA,
    string RoundB,
    ComparedIds Topics,
    ComparedIds Cases,
    ComparedIds Commitments,
    IReadOnlyList<ComparedCharacterisation> Characterisations);

public sealed record ComparedIds(IReadOnlyList<string> OnlyA, IReadOnlyList<string> OnlyB, IReadOnlyList<string> Both)
{
    public static ComparedIds Of(IEnumerable<string> a, IEnumerable<string> b)
    {
        var inA = a.ToHashSet(StringComparer.Ordinal);
        var inB = b.ToHashSet(StringComparer.Ordinal);
        return new ComparedIds(Sorted(inA.Except(inB)), Sorted(inB.Except(inA)), Sorted(inA.Intersect(inB)));
    }

    private static List<string> Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];
}

/// <summary>What one side said of each round's outcome (empty when it said nothing the record holds).</summary>
public sealed record ComparedCharacterisation(string Side, IReadOnlyList<string> RoundA, IReadOnlyList<string> RoundB);

/// <summary>
/// Compares two rounds from the rounds view: topics from their sessions and site visits, cases raised and commitments
/// made from the links other streams leave on each round.
/// </summary>
public static class RoundComparer
{
    public static RoundComparison Compare(RoundView a, IReadOnlyList<RoundLinkView> linksA, RoundView b, IReadOnlyList<RoundLinkView> linksB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(linksA);
        ArgumentNullException.ThrowIfNull(linksB);
        var sides = a.Characterisations.Concat(b.Characterisations).Select(c => c.Side).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new RoundComparison(
            a.RoundId,
            b.RoundId,
            ComparedIds.Of(RoundTopics.Of(a), RoundTopics.Of(b)),
            ComparedIds.Of(Linked(linksA, "case"), Linked(linksB, "case")),
            ComparedIds.Of(Linked(linksA, "commitment"), Linked(linksB, "commitment")),
            [.. sides.Select(side => new ComparedCharacterisation(side, Said(a, side), Said(b, side)))]);
    }

    private static IEnumerable<string> Linked(IReadOnlyList<RoundLinkView> links, string kind) =>
        links.Where(l => l.Kind == kind).Select(l => l.Id);

    private static List<string> Said(RoundView round, string side) =>
        [.. round.Characterisations.Where(c => c.Side == side).Select(c => c.Characterisation)];
}
