using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Sources;

/// <summary>Whether a source is registered, as far as deciding what may be recorded of it.</summary>
public abstract record SourceState
{
    private SourceState()
    {
    }

    public sealed record NotRegistered : SourceState;

    public sealed record Registered : SourceState;

    public static SourceState Initial { get; } = new NotRegistered();

    public SourceState After(IDomainEvent fact) => (this, fact) switch
    {
        (NotRegistered, SourceRegistered) => new Registered(),
        _ => this,
    };
}
