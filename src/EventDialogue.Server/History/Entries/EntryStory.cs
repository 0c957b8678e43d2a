using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;

namespace EventDialogue.Server.History.Entries;

/// <summary>
/// What each event of a stream changed, worked out from the stream's domain events alone: an entry sets its fields;
/// a correction changes the corrected entry from what it read just before (the original, or the latest earlier
/// correction of the same entry) to the replacement; a retraction takes the entry away as it then stood.
/// </summary>
public static class EntryStory
{
    /// <summary>The changes of each event, in revision order.</summary>
    /// <param name="facts">The stream's events in revision order (the first is revision 0); null for one that cannot be read as a domain event, which changes nothing that can be told.</param>
    public static IReadOnlyList<IReadOnlyList<EntryFieldChange>> Changes(IReadOnlyList<IDomainEvent?> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var standing = new Dictionary<long, IDomainEvent>();
        var changes = new List<IReadOnlyList<EntryFieldChange>>(facts.Count);
        for (var revision = 0; revision < facts.Count; revision++)
        {
            switch (facts[revision])
            {
                case EntryCorrected c when standing.TryGetValue(c.TargetRevision, out var before) && c.Replacement is not null:
                    changes.Add(FieldDiff.Between(before, c.Replacement));
                    standing[c.TargetRevision] = c.Replacement;
                    break;
                case EntryRetracted r when standing.TryGetValue(r.TargetRevision, out var before):
                    changes.Add(FieldDiff.Removed(before));
                    break;
                case { } fact when !EffectiveHistory.IsAmendment(fact):
                    changes.Add(FieldDiff.Set(fact));
                    standing[revision] = fact;
                    break;
                default:
                    changes.Add([]);
                    break;
            }
        }

        return changes;
    }

    /// <summary>Whether the stream's first entry is retracted, so that the live views no longer show it.</summary>
    public static bool IsRetracted(IReadOnlyList<IDomainEvent?> facts) => RetractionOfFirst(facts) is not null;

    /// <summary>The retraction of the stream's first entry, or null.</summary>
    public static EntryRetracted? RetractionOfFirst(IEnumerable<IDomainEvent?> facts) =>
        facts.OfType<EntryRetracted>().FirstOrDefault(r => r.TargetRevision == 0);
}
