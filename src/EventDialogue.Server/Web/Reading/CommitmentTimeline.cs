using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Server.Api.Views.Commitments;

namespace EventDialogue.Server.Web.Reading;

/// <summary>
/// One row of the timeline: the due window and the fulfilment as ranges of days since 1970 (a vague date is the range
/// of days it can mean, never a point). An open or unknown end is drawn up to the as-of day.
/// </summary>
public sealed record TimelineRow(string Id, int[]? Due, int[]? Fulfilled);

public static class CommitmentTimeline
{
    public static IReadOnlyList<TimelineRow> Of(IReadOnlyList<CommitmentRead> commitments, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        var today = asOf.DayNumber - new DateOnly(1970, 1, 1).DayNumber;
        return [.. commitments.Select(c => new TimelineRow(
            c.Commitment.CommitmentId,
            Range(Dates.Span(c.Assessment.Window.ToString()), Dates.Span(c.Commitment.MadeOn).From, today),
            KnownFulfilment(c) is { } fulfilled ? Range(Dates.Span(fulfilled.On.ToString()), null, today) : null))];
    }

    /// <summary>The fulfilment the assessment used: none when it was not yet known to have happened by the as-of day.</summary>
    public static CommitmentFact.Fulfilled? KnownFulfilment(CommitmentRead commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        return commitment.Assessment.Used.OfType<CommitmentFact.Fulfilled>().FirstOrDefault();
    }

    /// <summary>A range at least a day wide, so that a day's date shows as a bar.</summary>
    private static int[]? Range((int? From, int? To) span, int? fallbackFrom, int today)
    {
        var from = span.From ?? fallbackFrom;
        if (from is null)
        {
            return null;
        }

        var to = span.To ?? Math.Max(today, from.Value);
        return [from.Value, to + 1];
    }
}
