using System.Globalization;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Commitments.Assessment;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dialogues;
using EventDialogue.Domain.Rounds;

namespace EventDialogue.Benchmarks.Workload;

/// <summary>
/// The analysis part's history: many commitments, each a stream of its own, over a few dozen rounds of two dialogues
/// (one with its sources reviewed up to a month, one never reviewed). Every kind, every shape of window (a day, a
/// month, open-ended, no known end) and every outcome (kept, on a vague day too, broken, withdrawn, silence) occurs,
/// so that the scorecard assesses each commitment the long way, as it would over a real tracker. Deterministic: the
/// same count gives the same history, so runs can be compared.
/// </summary>
internal static class ScorecardHistory
{
    /// <summary>The least the issue asks the scorecard to be timed over.</summary>
    public const int Commitments = 10_200;

    public const int Rounds = 30;

    /// <summary>A day inside the history, for the calls that assess as of the past rather than today.</summary>
    public const string PastDay = "2013-06-30";

    private const string Reviewed = "scored-reviewed";
    private const string Unreviewed = "scored-unreviewed";
    private const int Seed = 13_2026;

    private static readonly string[] Topics = ["rule of law", "religious freedom", "labor rights", "freedom of expression", "racial discrimination", "multilateral cooperation", "internet freedom", "women's rights"];
    private static readonly string[][] Sides = [["us"], ["cn"], ["us", "cn"], ["eu"]];
    private static readonly DateOnly First = new(2009, 3, 1);
    private static readonly Citation Source = new("scored-source", "generated for the benchmark");

    /// <summary>The appends, one per stream: the dialogue's review, the rounds, then each commitment.</summary>
    public static IEnumerable<(string Stream, IReadOnlyList<IDomainEvent> Facts)> Appends()
    {
        var random = new Random(Seed);
        yield return ($"dialogue-{Reviewed}", [new DialogueSourcesReviewed("2013-12", "every source of the generated rounds read", Source)]);
        for (var r = 0; r < Rounds; r++)
        {
            IDomainEvent[] facts =
            [
                new RoundHeld(RoundId(r), r % 4 == 3 ? Unreviewed : Reviewed, Day(First.AddDays(r * 45)), "Generated place", null, Source),
                new SessionHeld([Topics[r % Topics.Length], Topics[(r * 3 + 1) % Topics.Length]], null, Source),
                new SessionHeld([Topics[random.Next(Topics.Length)]], null, Source),
            ];
            yield return ($"round-{RoundId(r)}", facts);
        }

        for (var c = 0; c < Commitments; c++)
        {
            yield return ($"commitment-{CommitmentId(c)}", Commitment(c, random));
        }
    }

    private static string RoundId(int index) => $"sr{index:D2}";

    private static string CommitmentId(int index) => $"sk{index:D5}";

    private static List<IDomainEvent> Commitment(int index, Random random)
    {
        // Made within the rounds' span, in a round most of the time (one in sixteen with none, so no dialogue or topic).
        var made = First.AddDays(random.Next(Rounds * 45));
        string? round = random.Next(16) == 0 ? null : RoundId(random.Next(Rounds));
        var kind = CommitmentKinds.Names[random.Next(7) switch { < 4 => 0, 4 => 1, 5 => 2, _ => 3 }];
        var due = random.Next(10) switch
        {
            0 => $"{Day(made)}/..",
            1 => $"{Day(made)}/",
            < 5 => Month(made.AddMonths(1 + random.Next(18))),
            _ => Day(made.AddDays(7 + random.Next(540))),
        };
        var facts = new List<IDomainEvent>
        {
            new CommitmentMade(CommitmentId(index), Sides[random.Next(Sides.Length)], $"generated commitment {index}", "act", Day(made), due, "generated", round, Source, kind),
        };

        if (random.Next(8) == 0)
        {
            var on = made.AddDays(1 + random.Next(120));
            facts.Add(new CommitmentRescheduled(Day(on.AddDays(20 + random.Next(200))), "generated", Day(on), Source));
        }

        var outcome = random.Next(20);
        if (outcome < 8)
        {
            var on = made.AddDays(random.Next(700));
            facts.Add(new CommitmentFulfilled(random.Next(4) == 0 ? Month(on) : Day(on), "generated evidence", null, Source));
        }
        else if (outcome < 10)
        {
            facts.Add(new CommitmentDeclaredBroken(Day(made.AddDays(15 + random.Next(500))), "us", "generated", Source));
        }
        else if (outcome == 10)
        {
            facts.Add(new CommitmentWithdrawn(Day(made.AddDays(3 + random.Next(400))), "cn", "generated", Source));
        }

        if (random.Next(25) == 0)
        {
            facts.Add(new CommitmentSourcesReviewed(Day(made.AddDays(30 + random.Next(300))), "its own sources read", Source));
        }

        return facts;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
