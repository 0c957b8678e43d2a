namespace EventDialogue.Domain.Common;

/// <summary>A fact that cites the source it rests on, so that a reader of the history can show the source and quote without knowing each event's shape.</summary>
public interface ICitingFact : IDomainEvent
{
    /// <summary>The cited source with the supporting words; null only where citing is optional and none was given.</summary>
    Citation? Source { get; }
}
