using EventDialogue.EventStore;
using EventDialogue.EventStore.Restore;
using Mediator;

namespace EventDialogue.Server.History.Restore;

public sealed class RestoreHistoryHandler(IEventStore store) : ICommandHandler<RestoreHistoryCommand, RestoreResult>
{
    public async ValueTask<RestoreResult> Handle(RestoreHistoryCommand request, CancellationToken cancellationToken)
    {
        // Every backend the server opens can restore; a store that cannot is a wiring mistake, not the caller's.
        var restore = store as IEventStoreRestore
            ?? throw new InvalidOperationException($"the event store ({store.GetType().Name}) cannot restore a log");
        return await restore.RestoreAsync(request.Events.Select(StoredForm.Of), cancellationToken);
    }
}
