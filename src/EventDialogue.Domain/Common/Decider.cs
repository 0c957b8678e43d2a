using EventDialogue.Domain.Corrections;

namespace EventDialogue.Domain.Common;

/// <summary>An aggregate's behaviour: its state is a fold of its events, and a decision turns state and command into new events.</summary>
public interface IDecider
{
    object Initial { get; }

    object Evolve(object state, IDomainEvent fact);

    /// <summary>
    /// The state a stream's history leads to. <paramref name="history"/> is the stream's raw domain events in revision
    /// order (the first is revision 0), corrections and retractions included: they count in decisions.
    /// </summary>
    object Fold(IEnumerable<IDomainEvent> history);

    /// <summary>
    /// The state an entity's history leads to when its facts are kept in two streams (its own and its companion for
    /// facts in confidence): <paramref name="facts"/> in the order recorded. Decisions see both.
    /// </summary>
    object FoldEntity(IReadOnlyList<EntityFact> facts);

    IReadOnlyList<IDomainEvent> Decide(object state, IDomainCommand command, Known known);
}

public abstract class Decider<TState, TCommand> : IDecider
    where TState : class
    where TCommand : IDomainCommand
{
    public abstract TState Initial { get; }

    object IDecider.Initial => Initial;

    public abstract TState Evolve(TState state, IDomainEvent fact);

    /// <summary>
    /// Folds <see cref="Evolve"/> over the stream's <see cref="EffectiveHistory"/>: retracted entries are left out,
    /// corrected ones replaced by their latest replacement, and the amendments themselves are not evolved.
    /// </summary>
    /// <param name="history">The stream's raw domain events in revision order.</param>
    public virtual TState Fold(IEnumerable<IDomainEvent> history) => FoldEntity(EntityFact.Of(history));

    /// <summary>Folds <see cref="Evolve"/> over the effective facts of both the entity's streams, in the order recorded.</summary>
    public virtual TState FoldEntity(IReadOnlyList<EntityFact> facts) => EffectiveHistory.OfEntity(facts).Aggregate(Initial, Evolve);

    public abstract IReadOnlyList<IDomainEvent> Decide(TState state, TCommand command, Known known);

    object IDecider.Evolve(object state, IDomainEvent fact) => Evolve((TState)state, fact);

    object IDecider.Fold(IEnumerable<IDomainEvent> history) => Fold(history);

    object IDecider.FoldEntity(IReadOnlyList<EntityFact> facts) => FoldEntity(facts);

    IReadOnlyList<IDomainEvent> IDecider.Decide(object state, IDomainCommand command, Known known) => Decide((TState)state, (TCommand)command, known);
}
