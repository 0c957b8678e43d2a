namespace EventDialogue.Domain.Cases;

/// <summary>
/// Whether one reported status of a person is better than another: how much it restrains them. Custody or being
/// unaccounted for restrains most, house arrest less, surveillance or a travel ban less again, release or exile
/// least. Death and "other" are on no scale: neither is ever a change for the better.
/// </summary>
public static class CaseStatusFavour
{
    private static readonly Dictionary<string, int> Restraint = new(StringComparer.Ordinal)
    {
        ["detained"] = 3,
        ["missing"] = 3,
        ["disappeared"] = 3,
        ["arrested"] = 3,
        ["charged"] = 3,
        ["sentenced"] = 3,
        ["imprisoned"] = 3,
        ["house-arrest"] = 2,
        ["under-surveillance"] = 1,
        ["travel-restricted"] = 1,
        ["released"] = 0,
        ["exiled"] = 0,
    };

    /// <summary>True when <paramref name="later"/> restrains the person less than <paramref name="earlier"/> did.</summary>
    public static bool IsBetter(string later, string earlier) =>
        Restraint.TryGetValue(later, out var now) && Restraint.TryGetValue(earlier, out var before) && now < before;
}
