
namespace EventDialogue.Domain.Common;

/// <summary>The checks on a review horizon, the same for a dialogue and a commitment.</summary>
public static class SourcesReview
{
    public const string Field = "reviewed_up_to";

    /// <summary>
    /// A horizon is a date with a last day (a review that reached "2012-07" read that month's sources), and that day
    /// cannot be after today: nobody has reviewed sources not yet written.
    /// </summary>
    public static string Horizon(string? text, Known known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var date = WorldDate.Parse(text, Field);
        if (date.Latest is not { } last)
        {
            throw DomainException.Invalid(Field, $"{date} has no last day: a review reaches a day, a month or a year, e.g. 2012-07");
        }

        return last > known.Today
            ? throw DomainException.Invalid(Field, $"{date} ends after today ({known.Today:yyyy-MM-dd}): sources cannot be reviewed beyond today")
            : date.ToString();
    }
}
