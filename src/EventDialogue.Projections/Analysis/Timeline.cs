using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dates;

namespace EventDialogue.Projections.Analysis;

/// <summary>A case's or commitment's facts in the order they happened in the world.</summary>
/// <param name="Subject">case or commitment.</param>
public sealed record Timeline(string Subject, string Id, IReadOnlyList<TimelineEntry> Entries);

/// <summary>One fact: its date in the world (EDTF) at the precision its source gives, what happened, and the source.</summary>
public sealed record TimelineEntry(string Date, string Type, string What, Citation? Source)
{
    /// <summary>The date in words, for a reader who does not know EDTF.</summary>
    public string DateWords => Domain.Dates.DateWords.When(Date);

    /// <summary>day, month, year or interval, with ", uncertain" or ", approximate" when so marked.</summary>
    public string Precision
    {
        get
        {
            var date = EdtfDate.Parse(Date);
            if (date.IsInterval)
            {
                return "interval";
            }

            var point = date.Start!;
            var precision = point.Precision switch
            {
                DatePrecision.Day => "day",
                DatePrecision.Month => "month",
                _ => "year",
            };
            return precision + (point.Uncertain ? ", uncertain" : string.Empty) + (point.Approximate ? ", approximate" : string.Empty);
        }
    }
}
