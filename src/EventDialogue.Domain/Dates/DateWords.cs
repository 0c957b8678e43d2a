using System.Globalization;

namespace EventDialogue.Domain.Dates;

/// <summary>
/// EDTF dates said in words for a reader who does not know EDTF: "2010-05-14/.." puzzles, "from 14 May 2010, no end"
/// does not. Said at the precision the date has — a month is never turned into a day.
/// </summary>
public static class DateWords
{
    /// <summary>When something happened: "13 May 2010", "sometime in April 2011", "between 13 and 14 May 2010".</summary>
    public static string When(string edtf)
    {
        var date = EdtfDate.Parse(edtf);
        if (!date.IsInterval)
        {
            return Vague(date.Start!);
        }

        return (date.StartKind, date.EndKind) switch
        {
            (_, EdtfDate.IntervalEnd.Open) when date.Start is { } from => $"from {Point(from)}, no end",
            (_, EdtfDate.IntervalEnd.Unknown) when date.Start is { } from => $"from {Point(from)}, end unknown",
            (EdtfDate.IntervalEnd.Open or EdtfDate.IntervalEnd.Unknown, _) => $"up to {Point(date.End!)}",
            _ => $"between {Point(date.Start!)} and {Point(date.End!)}",
        };
    }

    /// <summary>
    /// A due window: "by 13 May 2010", "by the end of May 2011", "sometime in 2011", "from 14 May 2010 to the end of
    /// September 2010", "from 14 May 2010, no end", "from 14 May 2010, end unknown".
    /// </summary>
    public static string Due(string edtf)
    {
        var date = EdtfDate.Parse(edtf);
        if (!date.IsInterval)
        {
            var point = date.Start!;
            return point.Precision switch
            {
                DatePrecision.Day => $"by {Point(point)}",
                DatePrecision.Month => $"by the end of {Point(point)}",
                _ => $"sometime in {Point(point)}",
            };
        }

        return (date.StartKind, date.EndKind) switch
        {
            (_, EdtfDate.IntervalEnd.Open) when date.Start is { } from => $"from {Point(from)}, no end",
            (_, EdtfDate.IntervalEnd.Unknown) when date.Start is { } from => $"from {Point(from)}, end unknown",
            (EdtfDate.IntervalEnd.Open or EdtfDate.IntervalEnd.Unknown, _) => $"by {End(date.End!)}",
            _ => $"from {Point(date.Start!)} to {End(date.End!)}",
        };
    }

    private static string Vague(EdtfPoint point) => point.Precision == DatePrecision.Day ? Point(point) : $"sometime in {Point(point)}";

    private static string End(EdtfPoint point) => point.Precision == DatePrecision.Day ? Point(point) : $"the end of {Point(point)}";

    private static string Point(EdtfPoint point)
    {
        var words = point.Precision switch
        {
            DatePrecision.Day => new DateOnly(point.Year, point.Month!.Value, point.Day!.Value).ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            DatePrecision.Month => new DateOnly(point.Year, point.Month!.Value, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture),
            _ => point.Year.ToString(CultureInfo.InvariantCulture),
        };
        return (point.Uncertain, point.Approximate) switch
        {
            (true, true) => $"perhaps about {words}",
            (true, false) => $"perhaps {words}",
            (false, true) => $"about {words}",
            _ => words,
        };
    }
}
