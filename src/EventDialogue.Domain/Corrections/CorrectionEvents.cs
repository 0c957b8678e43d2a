using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Corrections;

/// <summary>
/// An earlier entry of the same stream was wrong; <paramref name="Replacement"/> is the entry as it should have read
/// (same type). The wrong entry stays in the history; views show the replacement.
/// </summary>
[EventType("EntryCorrected")]
public sealed record EntryCorrected(long TargetRevision, string TargetType, IDomainEvent Replacement, string Reason, Citation? Source) : ICitingFact;

/// <summary>An earlier entry of the same stream should never have been recorded; views drop it, the history keeps it.</summary>
[EventType("EntryRetracted")]
public sealed record EntryRetracted(long TargetRevision, string TargetType, string Reason, Citation? Source) : ICitingFact;
