namespace EventDialogue.EventStore;

/// <summary>What <see cref="IEventStore.LookUpAsync"/> found: the events stored with the ids asked for, and the last revisions of the streams asked for that exist.</summary>
/// <param name="Events">Those found, in position order; an id stored nowhere is absent.</param>
/// <param name="Revisions">Each stream that exists, with its last revision; a stream that does not exist is absent.</param>
public sealed record StoreLookup(IReadOnlyList<RecordedEvent> Events, IReadOnlyDictionary<StreamName, long> Revisions);
