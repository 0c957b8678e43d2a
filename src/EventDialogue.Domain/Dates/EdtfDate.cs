using System.Text.RegularExpressions;

namespace EventDialogue.Domain.Dates;

/// <summary>
/// A date in the world, at its real precision, in EDTF notation (levels 0 and 1): a day <c>2010-05-13</c>, a month
/// <c>2011-04</c>, a year <c>2011</c>, uncertain <c>2011?</c>, approximate <c>2011~</c>, both <c>2011%</c>, or an interval
/// <c>2010-05/2010-09</c> whose ends may be open (<c>2010-05/..</c>: still going on) or unknown (<c>/2012</c>).
/// "In the next few months", said on 2010-05-14, is an interval, not a day.
/// </summary>
public sealed partial record EdtfDate
{
    private EdtfDate(EdtfPoint? start, EdtfPoint? end, IntervalEnd startKind, IntervalEnd endKind)
    {
        Start = start;
        End = end;
        StartKind = startKind;
        EndKind = endKind;
    }

    /// <summary>How an end of an interval is given.</summary>
    public enum IntervalEnd
    {
        Given,
        Open,
        Unknown,
    }

    /// <summary>The date itself, or the start of the interval when it is given.</summary>
    public EdtfPoint? Start { get; }

    /// <summary>The end of the interval when it is given; null for a single date.</summary>
    public EdtfPoint? End { get; }

    public IntervalEnd StartKind { get; }

    public IntervalEnd EndKind { get; }

    public bool IsInterval => End is not null || EndKind != IntervalEnd.Given;

    /// <summary>The first day it can mean; null when the start is open or unknown.</summary>
    public DateOnly? Earliest => Start?.Earliest;

    /// <summary>The last day it can mean; null when the end is open or unknown.</summary>
    public DateOnly? Latest => IsInterval ? End?.Latest : Start!.Latest;

    public static EdtfDate At(EdtfPoint date) => new(date, null, IntervalEnd.Given, IntervalEnd.Given);

    public static EdtfDate Between(EdtfPoint start, EdtfPoint end)
    {
        if (end.Latest < start.Earliest)
        {
            throw new FormatException($"the interval ends ({end}) before it starts ({start})");
        }

        return new EdtfDate(start, end, IntervalEnd.Given, IntervalEnd.Given);
    }

    public static EdtfDate From(EdtfPoint start) => new(start, null, IntervalEnd.Given, IntervalEnd.Open);

    public static EdtfDate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return At(ParsePoint(text));
        }

        if (text.IndexOf('/', slash + 1) >= 0)
        {
            throw new FormatException($"'{text}' has more than one '/'");
        }

        var (start, startKind) = ParseEnd(text[..slash]);
        var (end, endKind) = ParseEnd(text[(slash + 1)..]);
        if (start is null && end is null)
        {
            throw new FormatException($"'{text}' gives neither end of the interval");
        }

        if (start is not null && end is not null)
        {
            return Between(start, end);
        }

        return new EdtfDate(start, end, startKind, endKind);
    }

    public static bool TryParse(string? text, out EdtfDate? date, out string? error)
    {
        try
        {
            date = Parse(text ?? throw new FormatException("a date is required"));
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            date = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Whether the whole of this date lies before <paramref name="day"/>: its latest day is earlier.</summary>
    public bool EndsBefore(DateOnly day) => Latest is { } latest && latest < day;

    public override string ToString() => IsInterval
        ? $"{Write(Start, StartKind)}/{Write(End, EndKind)}"
        : Start!.ToString();

    private static string Write(EdtfPoint? point, IntervalEnd kind) => kind switch
    {
        IntervalEnd.Open => "..",
        IntervalEnd.Unknown => string.Empty,
        _ => point!.ToString(),
    };

    private static (EdtfPoint? Point, IntervalEnd Kind) ParseEnd(string text) => text switch
    {
        ".." => (null, IntervalEnd.Open),
        "" => (null, IntervalEnd.Unknown),
        _ => (ParsePoint(text), IntervalEnd.Given),
    };

    private static EdtfPoint ParsePoint(string text)
    {
        var match = PointShape().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not an EDTF date: expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ?, ~ or %");
        }

        static int? Number(Group group) => group.Success ? int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var qualifier = match.Groups["q"].Value;
        return EdtfPoint.Create(
            Number(match.Groups["y"])!.Value,
            Number(match.Groups["m"]),
            Number(match.Groups["d"]),
            uncertain: qualifier is "?" or "%",
            approximate: qualifier is "~" or "%");
    }

    [GeneratedRegex("^(?<y>[0-9]{4})(-(?<m>[0-9]{2})(-(?<d>[0-9]{2}))?)?(?<q>[?~%])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PointShape();
}
