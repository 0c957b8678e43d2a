using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Statements;

/// <summary>Whether a statement is recorded, as far as deciding what may be recorded of it.</summary>
public abstract record StatementState
{
    private StatementState()
    {
    }

    public sealed record NotRecorded : StatementState;

    public sealed record Recorded : StatementState;

    public static StatementState Initial { get; } = new NotRecorded();

    public StatementState After(IDomainEvent fact) => (this, fact) switch
    {
        (NotRecorded, StatementRecorded) => new Recorded(),
        _ => this,
    };
}
