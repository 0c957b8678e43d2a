using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Domain.Dates;
using EventDialogue.Projections.Views.Cases;

namespace EventDialogue.Projections.Analysis;

/// <summary>
/// The cases raised again and again to no avail: raised in two or more rounds, with no status reported after the
/// first of those raisings that restrains the person less than the status nearest to it (<see cref="CaseStatusFavour"/>).
/// Only raisings and reports known to have happened by the as-of day count, so an answer as of a past day uses
/// nothing learnt later.
/// </summary>
public static class CaseRecurrences
{
    public static IReadOnlyList<CaseRecurrence> Find(IEnumerable<CaseFileView> cases, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return [.. cases
            .Select(c => Recurrence(c, asOf))
            .OfType<CaseRecurrence>()
            .OrderBy(r => r.CaseId, StringComparer.Ordinal)];
    }

    private static CaseRecurrence? Recurrence(CaseFileView file, DateOnly asOf)
    {
        var raisings = file.Raised.Where(r => Known(r.Date, asOf)).OrderBy(r => Earliest(r.Date)).ThenBy(r => Latest(r.Date)).ToList();
        var rounds = raisings.Select(r => r.RoundId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (rounds.Count < 2)
        {
            return null;
        }

        var reports = file.StatusTimeline.Where(r => Known(r.AsOf, asOf)).ToList();
        var firstInRound = raisings.First(r => r.RoundId is not null);
        if (Nearest(reports, firstInRound.Date) is { } baseline)
        {
            var since = Earliest(baseline.AsOf);
            if (reports.Any(r => Earliest(r.AsOf) > since && CaseStatusFavour.IsBetter(r.Status, baseline.Status)))
            {
                return null;
            }
        }

        var latest = reports.OrderBy(r => Earliest(r.AsOf)).LastOrDefault();
        var name = file.Names.Count > 0 ? file.Names[0].Text : file.CaseId;
        return new CaseRecurrence(file.CaseId, name, rounds, [.. raisings.Select(r => new RecurringRaising(r, Nearest(reports, r.Date)))], latest);
    }

    /// <summary>
    /// The report whose date is nearest the raising's, each taken at the first day it can mean; on a tie the earlier
    /// report (the one known when the case was raised), then the surer.
    /// </summary>
    private static StatusReportView? Nearest(IReadOnlyList<StatusReportView> reports, string date)
    {
        var day = Earliest(date).DayNumber;
        return reports
            .OrderBy(r => Math.Abs(Earliest(r.AsOf).DayNumber - day))
            .ThenBy(r => Earliest(r.AsOf))
            .ThenBy(r => Certainty(r.Certainty))
            .FirstOrDefault();
    }

    private static int Certainty(string certainty) => certainty switch
    {
        "confirmed" => 0,
        "believed" => 1,
        _ => 2,
    };

    private static bool Known(string date, DateOnly asOf) => KnowledgeAsOf.Of(EdtfDate.Parse(date), asOf) == Knowledge.Known;

    private static DateOnly Earliest(string date) => EdtfDate.Parse(date).Earliest ?? DateOnly.MinValue;

    private static DateOnly Latest(string date) => EdtfDate.Parse(date).Latest ?? DateOnly.MaxValue;
}
