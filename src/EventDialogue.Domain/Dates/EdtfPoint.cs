using System.Globalization;
using System.Text;

namespace EventDialogue.Domain.Dates;

public enum DatePrecision
{
    Year,
    Month,
    Day,
}

/// <summary>
/// One date at the precision the source gives it (a year, a month or a day), possibly uncertain ("2011?": the
/// source is not sure it was 2011) or approximate ("2011~": around 2011). A day is never invented for a month.
/// </summary>
public sealed record EdtfPoint
{
    internal EdtfPoint(int year, int? month, int? day, bool uncertain, bool approximate)
    {
        Year = year;
        Month = month;
        Day = day;
        Uncertain = uncertain;
        Approximate = approximate;
    }

    public int Year { get; }

    public int? Month { get; }

    public int? Day { get; }

    public bool Uncertain { get; }

    public bool Approximate { get; }

    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first day the date can mean (strictly: qualifiers do not widen it).</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day the date can mean (strictly: qualifiers do not widen it).</summary>
    public DateOnly Latest => Precision switch
    {
        DatePrecision.Day => new DateOnly(Year, Month!.Value, Day!.Value),
        DatePrecision.Month => new DateOnly(Year, Month!.Value, DateTime.DaysInMonth(Year, Month.Value)),
        _ => new DateOnly(Year, 12, 31),
    };

    public static EdtfPoint OnDay(int year, int month, int day) => Create(year, month, day, false, false);

    public static EdtfPoint InMonth(int year, int month) => Create(year, month, null, false, false);

    public static EdtfPoint InYear(int year) => Create(year, null, null, false, false);

    public static EdtfPoint FromDate(DateOnly date) => OnDay(date.Year, date.Month, date.Day);

    internal static EdtfPoint Create(int year, int? month, int? day, bool uncertain, bool approximate)
    {
        if (year is < 1 or > 9999)
        {
            throw new FormatException($"year {year} is out of range 0001-9999");
        }

        if (month is < 1 or > 12)
        {
            throw new FormatException($"month {month} is not 01-12");
        }

        if (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value)))
        {
            throw new FormatException($"day {day} does not exist in {year:D4}-{month:D2}");
        }

        return new EdtfPoint(year, month, day, uncertain, approximate);
    }

    public override string ToString()
    {
        var text = new StringBuilder(Year.ToString("D4", CultureInfo.InvariantCulture));
        if (Month is { } month)
        {
            text.Append(CultureInfo.InvariantCulture, $"-{month:D2}");
        }

        if (Day is { } day)
        {
            text.Append(CultureInfo.InvariantCulture, $"-{day:D2}");
        }

        text.Append((Uncertain, Approximate) switch
        {
            (true, true) => "%",
            (true, false) => "?",
            (false, true) => "~",
            _ => string.Empty,
        });
        return text.ToString();
    }
}
