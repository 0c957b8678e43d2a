using System.Globalization;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dialogues;
using EventDialogue.Domain.Rounds;

namespace EventDialogue.EventStore.Tests.Analysis;

/// <summary>
/// The scorecard's answer worked out the plain way, from the raw events read back from the log, for the shapes of date
/// <see cref="GeneratedCommitments"/> writes (a day, a month, "day/.." open, "day/" with no known end): a fact counts
/// once its last possible day has passed; the window is the latest move known; withdrawn, then kept, then broken, then
/// silence; silence past the window's end is overdue only where the review (the commitment's own, else its round's
/// dialogue's) covers the end.
/// </summary>
public sealed class PlainRecount
{
    private readonly Dictionary<string, string> _dialogueOfRound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _topicsOfRound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateOnly> _dialogueReviewedThrough = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Facts> _commitments = new(StringComparer.Ordinal);

    public static PlainRecount Of(IEnumerable<(string Stream, IDomainEvent Fact)> events)
    {
        var recount = new PlainRecount();
        foreach (var (stream, fact) in events)
        {
            var id = stream[(stream.IndexOf('-', StringComparison.Ordinal) + 1)..];
            switch (fact)
            {
                case DialogueSourcesReviewed e:
                    recount._dialogueReviewedThrough[id] = Last(e.ReviewedUpTo);
                    break;
                case RoundHeld e:
                    recount._dialogueOfRound[e.RoundId] = e.DialogueId;
                    break;
                case SessionHeld e:
                    recount._topicsOfRound.TryAdd(id, []);
                    recount._topicsOfRound[id].AddRange(e.Topics.Where(t => !recount._topicsOfRound[id].Contains(t)));
                    break;
                case CommitmentMade e:
                    recount._commitments[e.CommitmentId] = new Facts { Made = e };
                    break;
                case CommitmentRescheduled e:
                    recount._commitments[id].Moves.Add((Last(e.On), e.Due));
                    break;
                case CommitmentFulfilled e:
                    recount._commitments[id].Kept = e.On;
                    break;
                case CommitmentDeclaredBroken e:
                    recount._commitments[id].Broken = e.On;
                    break;
                case CommitmentWithdrawn e:
                    recount._commitments[id].Withdrawn = e.On;
                    break;
                case CommitmentSourcesReviewed e:
                    recount._commitments[id].ReviewedThrough = Last(e.ReviewedUpTo);
                    break;
            }
        }

        return recount;
    }

    public int Count => _commitments.Count;

    /// <summary>Every commitment made by the day: its id, kind, parties, round, status and lateness (least, most) if late.</summary>
    public IEnumerable<Outcome> AsOf(DateOnly day)
    {
        foreach (var (id, facts) in _commitments)
        {
            var made = facts.Made!;
            if (Last(made.MadeOn) > day)
            {
                continue;
            }

            var window = facts.Moves.Where(m => m.On <= day).Select(m => m.Due).LastOrDefault() ?? made.Due;
            var (status, late) = Judge(facts, window, day);
            var dialogue = made.RoundId is { } round ? _dialogueOfRound.GetValueOrDefault(round) : null;
            var topics = made.RoundId is { } r && _topicsOfRound.TryGetValue(r, out var t) ? t : [];
            yield return new Outcome(id, made.Kind, made.MadeBy, made.RoundId, dialogue, topics, status, late);
        }
    }

    private (string Status, (int Least, int Most)? Late) Judge(Facts facts, string window, DateOnly day)
    {
        DateOnly? deadline = window.EndsWith('/') || window.EndsWith("/..", StringComparison.Ordinal) ? null : Last(window);
        if (facts.Withdrawn is { } withdrawn && Last(withdrawn) <= day)
        {
            return ("withdrawn", null);
        }

        if (facts.Kept is { } kept && Last(kept) <= day)
        {
            if (deadline is not { } end || Last(kept) <= end)
            {
                return ("kept", null);
            }

            return First(kept) > end
                ? ("kept-late", (Days(end, First(kept)), Days(end, Last(kept))))
                : ("kept-possibly-late", (0, Days(end, Last(kept))));
        }

        if (facts.Broken is { } broken && Last(broken) <= day)
        {
            return ("broken", null);
        }

        if (deadline is not { } due)
        {
            return (window.EndsWith("/..", StringComparison.Ordinal) ? "pending" : "unknown", null);
        }

        if (day <= due)
        {
            return ("pending", null);
        }

        DateOnly? through = facts.ReviewedThrough
            ?? (facts.Made!.RoundId is { } round && _dialogueOfRound.TryGetValue(round, out var dialogue) && _dialogueReviewedThrough.TryGetValue(dialogue, out var horizon) ? horizon : null);
        if (through is not { } covered || due > covered)
        {
            return ("unknown", null);
        }

        return ("overdue", (Days(due, covered < day ? covered : day), Days(due, day)));
    }

    private static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    private static DateOnly First(string date) => DateOnly.ParseExact(date.Length == 7 ? $"{date}-01" : date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Last(string date) => date.Length == 7 ? First(date).AddMonths(1).AddDays(-1) : First(date);

    public sealed record Outcome(string Id, string Kind, IReadOnlyList<string> MadeBy, string? RoundId, string? DialogueId, IReadOnlyList<string> Topics, string Status, (int Least, int Most)? Late);

    private sealed class Facts
    {
        public CommitmentMade? Made { get; set; }

        public List<(DateOnly On, string Due)> Moves { get; } = [];

        public string? Kept { get; set; }

        public string? Broken { get; set; }

        public string? Withdrawn { get; set; }

        public DateOnly? ReviewedThrough { get; set; }
    }
}
