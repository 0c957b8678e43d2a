using EventDialogue.EventStore;
using Mediator;

namespace EventDialogue.Server.Recording.Checking;

public sealed class CheckRecordCommandsHandler(IEventStore store, TimeProvider clock) : IQueryHandler<CheckRecordCommands, CommandsChecked>
{
    public async ValueTask<CommandsChecked> Handle(CheckRecordCommands query, CancellationToken cancellationToken)
    {
        // The same decisions as recording makes, on a store whose appends stay in memory.
        var pending = new PendingEventStore(store);
        await CommandReads.LookUpAheadAsync(pending, query.Commands, cancellationToken);
        var recorder = new RecordCommandHandler(pending, clock);
        var (fresh, replayed) = (0, 0);
        for (var i = 0; i < query.Commands.Count; i++)
        {
            Recorded result;
            try
            {
                result = await recorder.Handle(query.Commands[i], cancellationToken);
            }
            catch (Exception refusal) when (refusal is not OperationCanceledException)
            {
                throw new CommandRefusedInCheckException(i, refusal);
            }

            if (result.Replayed)
            {
                replayed++;
            }
            else
            {
                fresh++;
            }
        }

        return new CommandsChecked(fresh, replayed);
    }
}
