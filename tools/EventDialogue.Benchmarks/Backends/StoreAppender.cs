using EventDialogue.Benchmarks.Workload;
using EventDialogue.EventStore;

namespace EventDialogue.Benchmarks.Backends;

/// <summary>Appends through the event-store port, as the application does.</summary>
internal sealed class StoreAppender(IEventStore store) : IAppender
{
    public async Task AppendAsync(PlannedAppend append, CancellationToken cancellationToken)
    {
        var result = await store.AppendToStreamAsync(append.Stream, append.Expected, append.Events, cancellationToken);

        // A store that silently treated an append as a retry would look fast for the wrong reason.
        if (result.NextExpectedRevision != append.LastRevision)
        {
            throw new InvalidOperationException($"{append.Stream}: expected revision {append.LastRevision} after the append, the store says {result.NextExpectedRevision}");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
