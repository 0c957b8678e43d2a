using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Tests.Views;

/// <summary>A contract that needs an event store and its views on one backend, opened afresh for each test.</summary>
public abstract class StoreAndViewsContract : IAsyncLifetime
{
    protected IEventStore Events { get; private set; } = null!;

    protected IViewStore Views { get; private set; } = null!;

    protected abstract Task<(IEventStore Events, IViewStore Views)> OpenAsync();

    public async Task InitializeAsync() => (Events, Views) = await OpenAsync();

    public async Task DisposeAsync()
    {
        await Views.DisposeAsync();
        await Events.DisposeAsync();
    }
}
