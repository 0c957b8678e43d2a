namespace EventDialogue.Domain.Commitments.Assessment;

/// <summary>
/// A number of days known only within bounds, as vague dates allow: "between 0 and 30 days late". Equal bounds are an
/// exact count.
/// </summary>
public sealed record DayRange
{
    public DayRange(int least, int most)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(least);
        ArgumentOutOfRangeException.ThrowIfLessThan(most, least);
        Least = least;
        Most = most;
    }

    public int Least { get; }

    public int Most { get; }

    public bool IsExact => Least == Most;

    public static DayRange Between(DateOnly from, DateOnly to) => new(to.DayNumber - from.DayNumber, to.DayNumber - from.DayNumber);

    public override string ToString() => IsExact
        ? Days(Least)
        : $"between {Least} and {Days(Most)}";

    private static string Days(int count) => count == 1 ? "1 day" : $"{count} days";
}
