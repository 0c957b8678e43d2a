using EventDialogue.Domain.Corrections;

namespace EventDialogue.Domain.Common;

/// <summary>
/// An aggregate's behaviour, whatever its state's type: a command decided against the entity's recorded history. The
/// state never leaves the decider untyped; <see cref="Decider{TState, TCommand}"/> folds it and decides on it.
/// </summary>
public interface IDecider
{
    /// <summary>
    /// The events <paramref name="command"/> records, given the entity's <paramref name="history"/>: the raw facts of its
    /// streams (its own and, for a case, its companion for facts in confidence) in the order recorded, corrections and
    /// retractions included: they count in decisions.
    /// </summary>
    IReadOnlyList<IDomainEvent> Decide(IReadOnlyList<EntityFact> history, IDomainCommand command, Known known);

    /// <summary>
    /// The command that would have recorded <paramref name="fact"/> in the stream with id <paramref name="streamId"/>,
    /// if it is one of this aggregate's facts: a correction's replacement is decided as that command, so it is held to the
    /// same rules as the entry it replaces. Events that name their own entity keep their id, so a replacement for another
    /// entity's stream is noticed.
    /// </summary>
    IDomainCommand? CommandRecording(IDomainEvent fact, string streamId);
}

public abstract class Decider<TState, TCommand> : IDecider
    where TState : class
    where TCommand : class, IDomainCommand
{
    public abstract TState Initial { get; }

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

    /// <inheritdoc cref="IDecider.CommandRecording"/>
    public abstract TCommand? CommandRecording(IDomainEvent fact, string streamId);

    IDomainCommand? IDecider.CommandRecording(IDomainEvent fact, string streamId) => CommandRecording(fact, streamId);

    IReadOnlyList<IDomainEvent> IDecider.Decide(IReadOnlyList<EntityFact> history, IDomainCommand command, Known known) =>
        Decide(FoldEntity(history), (TCommand)command, known);
}
