using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Corrections;

/// <summary>An entry of a stream as it now stands: its revision, and the fact it records (its latest replacement, if corrected).</summary>
public sealed record EffectiveEntry(long Revision, IDomainEvent Fact);

/// <summary>
/// A stream's history as it should have read: the wrong entries stay in the stream, but decisions (and views) see
/// retracted entries dropped and corrected entries replaced by their latest replacement. The amendments
/// (<see cref="EntryCorrected"/>, <see cref="EntryRetracted"/>) are not entries of their own.
/// </summary>
public static class EffectiveHistory
{
    /// <summary>The effective facts of a stream.</summary>
    /// <param name="history">The stream's raw domain events in revision order: the first is revision 0.</param>
    public static IReadOnlyList<IDomainEvent> Of(IEnumerable<IDomainEvent> history) => [.. Entries(history).Select(e => e.Fact)];

    /// <summary>The effective entries of a stream, each with the revision of the entry it stands for.</summary>
    /// <param name="history">The stream's raw domain events in revision order: the first is revision 0.</param>
    public static IReadOnlyList<EffectiveEntry> Entries(IEnumerable<IDomainEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var raw = history as IReadOnlyList<IDomainEvent> ?? [.. history];
        var retracted = new HashSet<long>();
        var replacements = new Dictionary<long, IDomainEvent>();
        for (var revision = 0; revision < raw.Count; revision++)
        {
            // An amendment applies to an earlier entry of its stream; the later of two corrections wins.
            switch (raw[revision])
            {
                case EntryRetracted r when r.TargetRevision >= 0 && r.TargetRevision < revision:
                    retracted.Add(r.TargetRevision);
                    break;
                case EntryCorrected c when c.TargetRevision >= 0 && c.TargetRevision < revision && c.Replacement is not null:
                    replacements[c.TargetRevision] = c.Replacement;
                    break;
            }
        }

        var effective = new List<EffectiveEntry>(raw.Count);
        for (var revision = 0; revision < raw.Count; revision++)
        {
            var fact = raw[revision];
            if (IsAmendment(fact) || retracted.Contains(revision))
            {
                continue;
            }

            effective.Add(new EffectiveEntry(revision, replacements.GetValueOrDefault(revision, fact)));
        }

        return effective;
    }

    /// <summary>
    /// The effective facts of an entity kept in two streams (its own and its companion, <see cref="Streams.ConfidentialMark"/>),
    /// in the order they were recorded: each stream's amendments apply to its own entries (revisions count per stream).
    /// </summary>
    public static IReadOnlyList<IDomainEvent> OfEntity(IReadOnlyList<EntityFact> facts) => [.. EntityEntries(facts).Select(e => e.Entry.Fact)];

    /// <summary>The effective entries of an entity's two streams, each with its place in <paramref name="facts"/> and its stream.</summary>
    public static IReadOnlyList<EntityEntry> EntityEntries(IReadOnlyList<EntityFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return [.. facts
            .Select((fact, order) => (fact, order))
            .GroupBy(f => f.fact.InCompanion)
            .SelectMany(stream =>
            {
                var places = stream.Select(f => f.order).ToList();
                return Entries([.. stream.Select(f => f.fact.Fact)]).Select(e => new EntityEntry(places[(int)e.Revision], stream.Key, e));
            })
            .OrderBy(e => e.Order)];
    }

    /// <summary>Whether the fact amends another entry rather than recording one.</summary>
    public static bool IsAmendment(IDomainEvent fact) => fact is EntryCorrected or EntryRetracted;
}
