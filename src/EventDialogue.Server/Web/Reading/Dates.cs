using EventDialogue.Domain.Dates;

namespace EventDialogue.Server.Web.Reading;

/// <summary>Dates as the pages say them: in words at their precision, with the EDTF the record holds beside them.</summary>
public static class Dates
{
    public static string When(string? edtf) => Words(edtf, DateWords.When);

    public static string Due(string? edtf) => Words(edtf, DateWords.Due);

    /// <summary>The first and last day a date can mean, as days since 1970 (the timeline's axis); null for an open end.</summary>
    public static (int? From, int? To) Span(string? edtf)
    {
        if (!EdtfDate.TryParse(edtf, out var date, out _) || date is null)
        {
            return (null, null);
        }

        return (date.Earliest?.DayNumber - Epoch, date.Latest?.DayNumber - Epoch);
    }

    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    private static string Words(string? edtf, Func<string, string> say)
    {
        if (string.IsNullOrEmpty(edtf))
        {
            return "date not recorded";
        }

        try
        {
            return say(edtf);
        }
        catch (FormatException)
        {
            // Every recorded date was checked when it was recorded; should one still not read, show it as it is.
            return edtf;
        }
    }
}
