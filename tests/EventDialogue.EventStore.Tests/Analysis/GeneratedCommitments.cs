using System.Globalization;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dialogues;
using EventDialogue.Domain.Rounds;

namespace EventDialogue.EventStore.Tests.Analysis;

/// <summary>
/// A deterministic history of many commitments of every kind and outcome, over rounds of two dialogues (one with a
/// review horizon, one without): windows given to the day, to the month, open, or with no known end; some moved, kept
/// (some on vague dates), broken, withdrawn or left in silence; a few with a review horizon of their own.
/// </summary>
public static class GeneratedCommitments
{
    public const string ReviewedDialogue = "gen-reviewed";
    public const string UnreviewedDialogue = "gen-unreviewed";
    public const string ReviewedUpTo = "2014-06";
    public const int Rounds = 24;

    private static readonly string[] Topics = ["rule of law", "religious freedom", "labor rights", "freedom of expression", "racial discrimination", "multilateral cooperation", "internet freedom"];
    private static readonly string[][] Parties = [["us"], ["cn"], ["us", "cn"]];
    private static readonly DateOnly Start = new(2010, 1, 1);
    private static readonly Citation Source = new("generated-source", "generated quote");

    /// <summary>The appends, one per stream, in the order a desk would record them.</summary>
    public static IEnumerable<(string Stream, IReadOnlyList<IDomainEvent> Facts)> Appends(int commitments, int seed)
    {
        var random = new Random(seed);
        yield return ($"dialogue-{ReviewedDialogue}", [new DialogueSourcesReviewed(ReviewedUpTo, "every generated source read", Source)]);
        for (var r = 0; r < Rounds; r++)
        {
            var first = Topics[random.Next(Topics.Length)];
            var second = Topics[random.Next(Topics.Length)];
            yield return ($"round-{RoundId(r)}",
            [
                new RoundHeld(RoundId(r), r % 3 == 2 ? UnreviewedDialogue : ReviewedDialogue, Day(Start.AddDays(r * 60)), "Somewhere", null, Source),
                new SessionHeld([first, second], null, Source),
            ]);
        }

        for (var c = 0; c < commitments; c++)
        {
            yield return ($"commitment-{CommitmentId(c)}", Commitment(c, random));
        }
    }

    public static string CommitmentId(int index) => $"k{index:D5}";

    private static string RoundId(int index) => $"g{index:D2}";

    private static List<IDomainEvent> Commitment(int index, Random random)
    {
        var made = Start.AddDays(random.Next(1800));
        var kind = random.Next(10) switch
        {
            < 6 => CommitmentKinds.Undertaking,
            < 8 => CommitmentKinds.Intention,
            8 => CommitmentKinds.Request,
            _ => CommitmentKinds.ReportedExpectation,
        };
        string? round = random.Next(20) == 0 ? null : RoundId(random.Next(Rounds));
        var due = random.Next(20) switch
        {
            < 3 => $"{Day(made)}/..",
            < 5 => $"{Day(made)}/",
            < 10 => Month(made.AddMonths(1 + random.Next(12))),
            _ => Day(made.AddDays(1 + random.Next(365))),
        };
        var facts = new List<IDomainEvent>
        {
            new CommitmentMade(CommitmentId(index), Parties[random.Next(Parties.Length)], $"generated words {index}", "act", Day(made), due, "generated", round, Source, kind),
        };
        if (random.Next(10) == 0)
        {
            var on = made.AddDays(1 + random.Next(100));
            facts.Add(new CommitmentRescheduled(Day(on.AddDays(30 + random.Next(170))), "generated", Day(on), Source));
        }

        var outcome = random.Next(100);
        if (outcome < 40)
        {
            var on = made.AddDays(random.Next(600));
            facts.Add(new CommitmentFulfilled(random.Next(10) < 3 ? Month(on) : Day(on), "generated evidence", null, Source));
        }
        else if (outcome < 48)
        {
            facts.Add(new CommitmentDeclaredBroken(Day(made.AddDays(10 + random.Next(490))), "us", "generated", Source));
        }
        else if (outcome < 53)
        {
            facts.Add(new CommitmentWithdrawn(Day(made.AddDays(5 + random.Next(395))), "cn", "generated", Source));
        }

        if (random.Next(20) == 0)
        {
            facts.Add(new CommitmentSourcesReviewed(Day(made.AddDays(random.Next(300))), "its own sources read", Source));
        }

        return facts;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
