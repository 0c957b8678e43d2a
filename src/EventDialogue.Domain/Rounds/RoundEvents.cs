using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Rounds;

/// <summary>A meeting of a dialogue announced or agreed before it takes place.</summary>
[EventType("RoundScheduled")]
public sealed record RoundScheduled(string RoundId, string DialogueId, string Dates, string? Place, Citation Source) : IDomainEvent;

/// <summary>The meeting took place. <paramref name="Ordinal"/> is as the source counts it ("16th").</summary>
[EventType("RoundHeld")]
public sealed record RoundHeld(string RoundId, string DialogueId, string Dates, string? Place, string? Ordinal, Citation Source) : IDomainEvent;

[EventType("DelegationMemberNamed")]
public sealed record DelegationMemberNamed(string Side, string Name, string? Title, string? Agency, bool Leads, Citation Source) : IDomainEvent;

[EventType("SessionHeld")]
public sealed record SessionHeld(IReadOnlyList<string> Topics, string? Date, Citation Source) : IDomainEvent;

[EventType("SiteVisited")]
public sealed record SiteVisited(string Place, string? Host, IReadOnlyList<string> Topics, string? Date, Citation Source) : IDomainEvent;

/// <summary>How one side described the tone or outcome of the round ("candid and constructive").</summary>
[EventType("OutcomeCharacterised")]
public sealed record OutcomeCharacterised(string Side, string Characterisation, Citation Source) : IDomainEvent;

[EventType("RoundConcluded")]
public sealed record RoundConcluded(string? Date, Citation Source) : IDomainEvent;
