using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Statements;

/// <summary>
/// Who said what, when and where. <paramref name="Exact"/> tells a quotation (the source's exact words) from a
/// paraphrase; the citation's quote holds the source's supporting words.
/// </summary>
[EventType("StatementRecorded")]
public sealed record StatementRecorded(
    string StatementId,
    string Speaker,
    string? SpeakerTitle,
    string Side,
    string Setting,
    string Said,
    string? Place,
    string Text,
    bool Exact,
    IReadOnlyList<string> Topics,
    string? Stance,
    string? RoundId,
    Citation Source) : ICitingFact;
