namespace EventDialogue.Domain.Common;

/// <summary>An aggregate's behaviour: its state is a fold of its events, and a decision turns state and command into new events.</summary>
public interface IDecider
{
    object Initial { get; }

    object Evolve(object state, IDomainEvent fact);

    IReadOnlyList<IDomainEvent> Decide(object state, IDomainCommand command, Known known);
}

public abstract class Decider<TState, TCommand> : IDecider
    where TState : class
    where TCommand : IDomainCommand
{
    public abstract TState Initial { get; }

    object IDecider.Initial => Initial;

    public abstract TState Evolve(TState state, IDomainEvent fact);

    public abstract IReadOnlyList<IDomainEvent> Decide(TState state, TCommand command, Known known);

    object IDecider.Evolve(object state, IDomainEvent fact) => Evolve((TState)state, fact);

    IReadOnlyList<IDomainEvent> IDecider.Decide(object state, IDomainCommand command, Known known) => Decide((TState)state, (TCommand)command, known);
}
