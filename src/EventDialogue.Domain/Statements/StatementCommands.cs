using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Statements;

public abstract record StatementCommand(string StatementId) : IDomainCommand
{
    public string Stream => Streams.Statement(StatementId);

    public abstract IEnumerable<string> References { get; }
}

public sealed record RecordStatement(
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
    Citation Source) : StatementCommand(StatementId)
{
    public override IEnumerable<string> References =>
        new[] { Streams.Source(Source?.SourceId ?? string.Empty), RoundId is null ? null : Streams.Round(RoundId) }.OfType<string>();
}
