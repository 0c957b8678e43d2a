using EventDialogue.Domain.Common;

namespace EventDialogue.Projections.Views.Statements;

public sealed record StatementView(
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
    Citation Source);
