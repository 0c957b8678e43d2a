using Mediator;

namespace EventDialogue.Server.Recording.Batching;

/// <summary>
/// Records commands in turn, each decided on the state the ones before it leave, and appends everything decided in
/// one store transaction (see <see cref="RecordCommandBatchHandler"/>).
/// </summary>
/// <param name="Items">The commands in order; an item may already be refused (a request that could not be read).</param>
/// <param name="AllOrNothing">Any refusal records nothing and fails the batch (<see cref="Checking.CommandRefusedInCheckException"/>, naming its index).</param>
public sealed record RecordCommandBatch(IReadOnlyList<BatchItem> Items, bool AllOrNothing) : ICommand<IReadOnlyList<BatchOutcome>>;

/// <summary>One command of a batch, or the refusal of a request that could not be made into one.</summary>
public sealed record BatchItem(RecordCommand? Command, Exception? Refusal)
{
    public static BatchItem Of(RecordCommand command) => new(command, null);

    public static BatchItem Refused(Exception refusal) => new(null, refusal);
}

/// <summary>What became of one item: recorded (or replayed), or refused with nothing of it recorded.</summary>
public sealed record BatchOutcome(Recorded? Recorded, Exception? Refusal);
