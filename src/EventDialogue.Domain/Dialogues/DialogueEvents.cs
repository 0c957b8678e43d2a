using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Dialogues;

/// <summary>A track of talks between parties: the human-rights dialogue, the legal experts dialogue, expert talks on religion or labour.</summary>
[EventType("DialogueEstablished")]
public sealed record DialogueEstablished(
    string DialogueId,
    string Name,
    IReadOnlyList<string> Parties,
    string? Established,
    string? Cadence,
    string? ParentDialogueId,
    Citation? Source) : ICitingFact;
