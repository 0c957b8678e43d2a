using EventDialogue.Domain.Common;
using EventDialogue.EventStore;

namespace EventDialogue.Server.Recording;

/// <summary>
/// Each event a run of decisions read, parsed into its fact once. A batch's decisions read their streams through one
/// <see cref="Checking.PendingEventStore"/>, which hands out the same <see cref="RecordedEvent"/> for an event every
/// time; without this, every item about an entity would parse that entity's whole history again (a batch of a
/// hundred items about one case parsed its events a hundred times). Facts are immutable records, so one parse serves
/// every decision; events are told apart by reference, so nothing read from elsewhere can stand in for another.
/// </summary>
public sealed class ParsedFacts
{
    private readonly Dictionary<RecordedEvent, IDomainEvent> _parsed = new(ReferenceEqualityComparer.Instance);

    public IDomainEvent Of(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (!_parsed.TryGetValue(recorded, out var fact))
        {
            _parsed[recorded] = fact = Parse(recorded);
        }

        return fact;
    }

    public static IDomainEvent Parse(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return DomainEventJson.Deserialize(recorded.Type, recorded.Data, recorded.Metadata.SchemaVersion);
    }
}
