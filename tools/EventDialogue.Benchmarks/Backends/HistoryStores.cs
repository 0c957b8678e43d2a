using EventDialogue.EventStore;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Benchmarks.Backends;

/// <summary>The event store and the view store of the history database, open in this process; disposing closes both.</summary>
internal sealed record HistoryStores(IEventStore Events, IViewStore Views) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Views.DisposeAsync();
        await Events.DisposeAsync();
    }
}
