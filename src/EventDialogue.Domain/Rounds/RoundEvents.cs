using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Rounds;

/// <summary>A meeting of a dialogue announced or agreed before it takes place.</summary>
[EventType("RoundScheduled")]
public sealed record RoundScheduled(string RoundId, string DialogueId, string Dates, string? Place, Citation Source) : ICitingFact;

/// <summary>The meeting took place. <paramref name="Ordinal"/> is as the source counts it ("16th").</summary>
[EventType("RoundHeld")]
public sealed record RoundHeld(string RoundId, string DialogueId, string Dates, string? Place, string? Ordinal, Citation Source) : ICitingFact;

[EventType("DelegationMemberNamed")]
public sealed record DelegationMemberNamed(string Side, string Name, string? Title, string? Agency, bool Leads, Citation Source) : ICitingFact;

[EventType("SessionHeld")]
public sealed record SessionHeld(IReadOnlyList<string> Topics, string? Date, Citation Source) : ICitingFact;

[EventType("SiteVisited")]
public sealed record SiteVisited(string Place, string? Host, IReadOnlyList<string> Topics, string? Date, Citation Source) : ICitingFact;

/// <summary>How one side described the tone or outcome of the round ("candid and constructive").</summary>
[EventType("OutcomeCharacterised")]
public sealed record OutcomeCharacterised(string Side, string Characterisation, Citation Source) : ICitingFact;

[EventType("RoundConcluded")]
public sealed record RoundConcluded(string? Date, Citation Source) : ICitingFact;
