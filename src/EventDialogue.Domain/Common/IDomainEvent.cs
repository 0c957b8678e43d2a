namespace EventDialogue.Domain.Common;

/// <summary>A fact recorded in a stream; named in the past tense.</summary>
#pragma warning disable CA1040 // a marker: the set of domain events is closed by this interface
public interface IDomainEvent;
#pragma warning restore CA1040
