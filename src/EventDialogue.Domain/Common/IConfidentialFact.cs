namespace EventDialogue.Domain.Common;

/// <summary>
/// A fact that may have been recorded in confidence (a case raised privately, a response received in confidence):
/// only principals cleared for confidential entries may learn that it exists. Views, history reads and the
/// EventStoreDB read API ask this one question of every fact.
/// </summary>
public interface IConfidentialFact : IDomainEvent
{
    bool InConfidence { get; }
}

public static class Confidentiality
{
    public static bool IsConfidential(IDomainEvent? fact) => fact is IConfidentialFact { InConfidence: true };

    /// <summary>The facts with every confidential one left out: what an uncleared reader may be told of.</summary>
    public static IReadOnlyList<IDomainEvent> Redacted(IReadOnlyList<IDomainEvent> facts) =>
        facts.Any(IsConfidential) ? [.. facts.Where(f => !IsConfidential(f))] : facts;
}
