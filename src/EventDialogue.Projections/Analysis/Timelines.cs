using EventDialogue.Domain.Dates;
using EventDialogue.Projections.Views.Cases;
using EventDialogue.Projections.Views.Commitments;

namespace EventDialogue.Projections.Analysis;

/// <summary>
/// Puts the dated facts of a case file or a commitment in world-date order: by the first day each date can mean,
/// then the last (a day before the month that holds it), then the order recorded. Facts with no date in the world
/// (a case's opening, an analyst's rating) are not on it.
/// </summary>
public static class Timelines
{
    public const string CaseSubject = "case";
    public const string CommitmentSubject = "commitment";

    public static Timeline OfCase(CaseFileView file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var entries = file.Raised.Select(r => new TimelineEntry(r.Date, "raised", $"raised by {r.RaisedBy} ({r.Channel}{(r.RoundId is null ? string.Empty : $", round {r.RoundId}")}, {(r.Publicly ? "in public" : "in confidence")})", r.Source))
            .Concat(file.StatusTimeline.Select(s => new TimelineEntry(s.AsOf, "status-reported", $"{s.Status} ({s.Certainty}, {s.SourceType} source){(s.Detail is null ? string.Empty : $": {s.Detail}")}", s.Source)))
            .Concat(file.Responses.Select(r => new TimelineEntry(r.Date, "response", $"{r.Response} from {r.From}{(r.Detail is null ? string.Empty : $": {r.Detail}")}", r.Source)));
        return new Timeline(CaseSubject, file.CaseId, InWorldOrder(entries));
    }

    public static Timeline OfCommitment(CommitmentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var entries = new List<TimelineEntry> { new(view.MadeOn, "made", $"made by {string.Join(" and ", view.MadeBy)} ({view.Kind}): {view.Action}; due {view.Due}", view.MadeSource) };
        entries.AddRange(view.Reaffirmations.Select(r => new TimelineEntry(r.On, "reaffirmed", $"reaffirmed by {string.Join(" and ", r.By)}", null)));
        entries.AddRange(view.Reschedules.Select(r => new TimelineEntry(r.On, "rescheduled", $"rescheduled to {r.Due}", r.Source)));
        entries.AddRange(view.Progress.Select(p => new TimelineEntry(p.On, "progress", p.Detail, null)));
        if (view.Fulfilled is { } fulfilled)
        {
            entries.Add(new TimelineEntry(fulfilled.On, "fulfilled", fulfilled.Evidence, fulfilled.Source));
        }

        if (view.Broken is { } broken)
        {
            entries.Add(new TimelineEntry(broken.On, "declared-broken", $"declared broken by {broken.By}: {broken.Reason}", broken.Source));
        }

        if (view.Withdrawn is { } withdrawn)
        {
            entries.Add(new TimelineEntry(withdrawn.On, "withdrawn", $"withdrawn by {withdrawn.By}: {withdrawn.Reason}", withdrawn.Source));
        }

        return new Timeline(CommitmentSubject, view.CommitmentId, InWorldOrder(entries));
    }

    private static List<TimelineEntry> InWorldOrder(IEnumerable<TimelineEntry> entries) =>
        [.. entries
            .Select((entry, recorded) => (Entry: entry, Date: EdtfDate.Parse(entry.Date), Recorded: recorded))
            .OrderBy(e => e.Date.Earliest ?? DateOnly.MinValue)
            .ThenBy(e => e.Date.Latest ?? DateOnly.MaxValue)
            .ThenBy(e => e.Recorded)
            .Select(e => e.Entry)];
}
