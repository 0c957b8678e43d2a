using EventDialogue.Domain.Dates;

namespace EventDialogue.Domain.Commitments;

/// <summary>What is known of a commitment: its due window and what happened to it, each with its date in the world.</summary>
public sealed record CommitmentRecord(
    string MadeOn,
    string Due,
    IReadOnlyList<(string On, string Due)> Reschedules,
    string? FulfilledOn,
    string? BrokenOn,
    string? WithdrawnOn);

/// <summary>The derived status of a commitment on a date, and by how many days it is late (kept late or overdue).</summary>
public sealed record CommitmentStanding(string Status, string Due, int? DaysLate);

/// <summary>
/// Derives a commitment's status "as of" a day — never typed in. A fact counts from the first day it can mean, so an
/// event dated "2011-06" counts from 1 June 2011; the due window in force is the latest rescheduling made by then.
/// </summary>
public static class CommitmentStatus
{
    public const string NotYetMade = "not-yet-made";
    public const string Pending = "pending";
    public const string Overdue = "overdue";
    public const string Kept = "kept";
    public const string KeptLate = "kept-late";
    public const string Broken = "broken";
    public const string Withdrawn = "withdrawn";

    public static IReadOnlyList<string> All { get; } = [Pending, Overdue, Kept, KeptLate, Broken, Withdrawn];

    public static CommitmentStanding Evaluate(CommitmentRecord record, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        var due = record.Reschedules.Where(r => Happened(r.On, asOf)).Select(r => r.Due).LastOrDefault() ?? record.Due;
        var window = EdtfDate.Parse(due);
        if (!Happened(record.MadeOn, asOf))
        {
            return new CommitmentStanding(NotYetMade, due, null);
        }

        if (Happened(record.WithdrawnOn, asOf))
        {
            return new CommitmentStanding(Withdrawn, due, null);
        }

        if (Happened(record.FulfilledOn, asOf))
        {
            var fulfilled = EdtfDate.Parse(record.FulfilledOn!);
            return window.Latest is { } last && fulfilled.Earliest is { } first && first > last
                ? new CommitmentStanding(KeptLate, due, first.DayNumber - last.DayNumber)
                : new CommitmentStanding(Kept, due, null);
        }

        if (Happened(record.BrokenOn, asOf))
        {
            return new CommitmentStanding(Broken, due, null);
        }

        return window.Latest is { } deadline && asOf > deadline
            ? new CommitmentStanding(Overdue, due, asOf.DayNumber - deadline.DayNumber)
            : new CommitmentStanding(Pending, due, null);
    }

    private static bool Happened(string? on, DateOnly asOf) =>
        on is not null && EdtfDate.Parse(on).Earliest is { } first && first <= asOf;
}
