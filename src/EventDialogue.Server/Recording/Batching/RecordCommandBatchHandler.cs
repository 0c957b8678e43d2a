using EventDialogue.EventStore;
using EventDialogue.Server.Recording.Checking;
using Mediator;

namespace EventDialogue.Server.Recording.Batching;

/// <summary>
/// Decides a batch's commands in turn as recording decides one (<see cref="RecordCommandHandler"/>, over a
/// <see cref="PendingEventStore"/> whose appends stay in memory, as a check does), then appends every decided append in
/// one store transaction (<see cref="IEventStore.AppendToStreamsAsync"/>).
/// </summary>
/// <remarks>
/// A batch does not take the per-entity turns of single recordings: each append it makes carries the revision its
/// decision read (exact, or no stream), and the store checks them all under its append lock, so a batch never writes
/// over a concurrent recording it did not see. When a stream has moved on, the whole batch is decided again on what was
/// written meanwhile, a few times, as a single recording is; then the conflict is the caller's to retry (with the same
/// request ids, which record nothing twice).
/// </remarks>
public sealed class RecordCommandBatchHandler(IEventStore store, TimeProvider clock, ILogger<RecordCommandBatchHandler> logger) : ICommandHandler<RecordCommandBatch, IReadOnlyList<BatchOutcome>>
{
    private const int Attempts = 3;

    public async ValueTask<IReadOnlyList<BatchOutcome>> Handle(RecordCommandBatch command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var pending = new PendingEventStore(store);
            await CommandReads.LookUpAheadAsync(pending, command.Items.Select(i => i.Command).OfType<RecordCommand>(), cancellationToken);
            var decided = await DecideAsync(command, pending, cancellationToken);
            if (pending.Appends.Count == 0)
            {
                BatchLog.Outcomes(logger, command, decided);
                return decided;
            }

            IReadOnlyList<AppendResult> appended;
            try
            {
                appended = await store.AppendToStreamsAsync([.. pending.Appends.Select(a => a.Append)], cancellationToken);
            }
            catch (Exception ex) when (ex is WrongExpectedRevisionException or DuplicateEventIdException && attempt < Attempts)
            {
                // someone recorded on one of the batch's streams (or one of its requests) since it was read: decide again
                continue;
            }

            var placed = Placed(decided, pending.Appends, appended);
            BatchLog.Outcomes(logger, command, placed);
            return placed;
        }
    }

    private async Task<IReadOnlyList<BatchOutcome>> DecideAsync(RecordCommandBatch command, PendingEventStore pending, CancellationToken cancellationToken)
    {
        var recorder = new RecordCommandHandler(pending, clock);
        var outcomes = new List<BatchOutcome>(command.Items.Count);
        for (var i = 0; i < command.Items.Count; i++)
        {
            var item = command.Items[i];
            var refusal = item.Refusal;
            if (item.Command is { } recordCommand)
            {
                try
                {
                    outcomes.Add(new BatchOutcome(await recorder.Handle(recordCommand, cancellationToken), null));
                    continue;
                }
                catch (Exception ex) when (BatchRefusals.IsRefusal(ex))
                {
                    refusal = ex;
                }
            }

            if (command.AllOrNothing)
            {
                throw new CommandRefusedInCheckException(i, refusal!);
            }

            outcomes.Add(new BatchOutcome(null, refusal));
        }

        return outcomes;
    }

    /// <summary>
    /// The outcomes with the places the store gave the appends instead of those the pending store pretended: an item
    /// recorded in this batch, or replayed from an earlier item of it, is known by its pretended place (stream, revision,
    /// position). A recorded event at the same place would be in the same stream at the same revision, so the batch's
    /// append there expected the revision before it and was refused: what is placed here was written by this batch.
    /// </summary>
    private static List<BatchOutcome> Placed(IReadOnlyList<BatchOutcome> decided, IReadOnlyList<PendingStreamAppend> appends, IReadOnlyList<AppendResult> appended)
    {
        var placed = new Dictionary<(string, long, long), AppendResult>();
        for (var i = 0; i < appends.Count; i++)
        {
            var pretended = appends[i].PendingResult;
            placed[(pretended.Stream.Value, pretended.NextExpectedRevision, pretended.Position.Value)] = appended[i];
        }

        return [.. decided.Select(outcome => outcome.Recorded is { } recorded && placed.TryGetValue((recorded.Stream, recorded.Revision, recorded.Position), out var real)
            ? outcome with { Recorded = recorded with { Stream = real.Stream.Value, Revision = real.NextExpectedRevision, Position = real.Position.Value } }
            : outcome)];
    }
}
