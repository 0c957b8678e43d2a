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

/// <summary>
/// The dialogue's sources were reviewed up to <paramref name="ReviewedUpTo"/> (EDTF), the last of them cited: past
/// that horizon the record's silence about the dialogue's commitments means only that nobody has looked.
/// </summary>
[EventType("DialogueSourcesReviewed")]
public sealed record DialogueSourcesReviewed(string ReviewedUpTo, string Detail, Citation Source) : ICitingFact;
