using EventDialogue.Domain.Cases;
using EventDialogue.Domain.Commitments;
using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.Domain.Rounds;
using EventDialogue.Domain.Statements;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>
/// A large, deterministic history of rounds, cases, commitments and statements, with corrections and retractions
/// spread through it, appended in batches as a busy recording desk would.
/// </summary>
public static class GeneratedHistory
{
    private static readonly string[] Topics = ["rule of law", "religious freedom", "labor rights", "freedom of expression", "racial discrimination", "multilateral cooperation", "internet freedom"];
    private static readonly string[] Statuses = ["detained", "sentenced", "house-arrest", "released", "missing", "under-surveillance"];
    private static readonly Citation Source = new("generated-source", "generated quote", "p. 1");

    /// <summary>The appends, each to one stream: the stream name and its events' domain facts.</summary>
    public static IEnumerable<(string Stream, IReadOnlyList<IDomainEvent> Facts)> Appends(int rounds, int cases, int commitments, int statements, int eventsPerStream, int eventsPerCase)
    {
        for (var r = 0; r < rounds; r++)
        {
            var id = $"r{r:D4}";
            var facts = new List<IDomainEvent> { new RoundHeld(id, "generated-dialogue", $"20{10 + (r % 10):D2}-05-1{r % 9}", $"Place {r % 17}", $"{r + 1}th", Source) };
            for (var i = 1; i < eventsPerStream; i++)
            {
                facts.Add((i % 3) switch
                {
                    0 => new SessionHeld([Topics[(r + i) % Topics.Length], Topics[(r + 2 * i) % Topics.Length]], null, Source),
                    1 => new DelegationMemberNamed(i % 2 == 0 ? "us" : "cn", $"Delegate {r}-{i}", "Official", "Ministry", false, Source),
                    _ => new SiteVisited($"Site {i}", $"Host {i}", [Topics[i % Topics.Length]], null, Source),
                });
            }

            foreach (var chunk in Amended(facts, r).Chunk(100))
            {
                yield return ($"round-{id}", chunk);
            }
        }

        for (var c = 0; c < cases; c++)
        {
            var id = $"c{c:D4}";
            var facts = new List<IDomainEvent> { new CaseOpened(id, c % 5 == 0 ? "group" : "person", [new CaseName($"Person {c}", "Latn"), new CaseName($"人{c}", "Hans")], $"Case number {c}", Source) };
            for (var i = 1; i < eventsPerCase; i++)
            {
                facts.Add(i % 4 == 0
                    ? new CaseRaised(i % 8 == 0 ? "us" : "eu", "round", $"r{(c + i) % Math.Max(rounds, 1):D4}", i % 3 == 0, $"2010-05-{(i % 28) + 1:D2}", Source)
                    : new CaseStatusReported(Statuses[(c + i) % Statuses.Length], $"{2008 + (i % 5)}-{(i % 12) + 1:D2}", null, null, $"report {i}", i % 2 == 0 ? "confirmed" : "believed", "unofficial", Source));
            }

            foreach (var chunk in Amended(facts, c).Chunk(100))
            {
                yield return ($"case-{id}", chunk);
            }
        }

        for (var m = 0; m < commitments; m++)
        {
            var id = $"m{m:D4}";
            var facts = new List<IDomainEvent> { new CommitmentMade(id, ["us", "cn"], $"We will meet again {m}", "hold a meeting", "2010-05-14", "2010-05-14/2010-09", "next few months", $"r{m % Math.Max(rounds, 1):D4}", Source) };
            for (var i = 1; i < eventsPerStream; i++)
            {
                facts.Add(i == eventsPerStream - 1 && m % 3 == 0
                    ? new CommitmentFulfilled("2010-10", "the meeting took place", null, Source)
                    : new CommitmentProgressReported($"2010-0{(i % 4) + 6}", $"progress {i}", Source));
            }

            foreach (var chunk in Amended(facts, m).Chunk(100))
            {
                yield return ($"commitment-{id}", chunk);
            }
        }

        for (var s = 0; s < statements; s++)
        {
            var id = $"s{s:D5}";
            IDomainEvent statement = new StatementRecorded(id, $"Speaker {s % 23}", "Spokesperson", s % 2 == 0 ? "us" : "cn", "briefing", $"2010-05-{(s % 28) + 1:D2}", null, $"On {Topics[s % Topics.Length]}, statement {s} said the talks were candid about the rule of law", s % 3 == 0, [Topics[s % Topics.Length]], "neutral", $"r{s % Math.Max(rounds, 1):D4}", Source);
            yield return ($"statement-{id}", [statement]);
            if (s % 50 == 0)
            {
                yield return ($"statement-{id}", [new EntryRetracted(0, "StatementRecorded", "recorded in error", null)]);
            }
            else if (s % 37 == 0)
            {
                yield return ($"statement-{id}", [new EntryCorrected(0, "StatementRecorded", ((StatementRecorded)statement) with { Text = $"Corrected statement {s} on human rights" }, "misquoted", null)]);
            }
        }
    }

    /// <summary>Every seventh stream gets a retraction and a correction of earlier entries appended at its end.</summary>
    private static List<IDomainEvent> Amended(List<IDomainEvent> facts, int index)
    {
        if (index % 7 == 3 && facts.Count > 4)
        {
            facts.Add(new EntryRetracted(2, EventTypes.NameOf(facts[2]), "not reported by the source", null));
            facts.Add(new EntryCorrected(3, EventTypes.NameOf(facts[3]), facts[3], "restated", null));
        }

        return facts;
    }

    public static EventData ToEventData(IDomainEvent fact) =>
        new(Guid.NewGuid(), EventTypes.NameOf(fact), DomainEventJson.Serialize(fact), Events.Metadata);
}
