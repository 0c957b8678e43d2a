using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>
/// The event store's contract, run against every backend: each backend's test class only says how to open a fresh
/// store and how to reopen it as a restarted process would.
/// </summary>
public abstract partial class EventStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset ClockStart = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    protected FixedClock Clock { get; } = new(ClockStart);

    protected IEventStore Store { get; private set; } = null!;

    /// <summary>Opens a new, empty store.</summary>
    protected abstract Task<IEventStore> OpenNewAsync();

    /// <summary>Opens the same storage again with a new store instance, as after a restart of the process.</summary>
    protected abstract Task<IEventStore> ReopenAsync();

    public async Task InitializeAsync() => Store = await OpenNewAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();

    protected async Task RestartAsync()
    {
        await Store.DisposeAsync();
        Store = await ReopenAsync();
    }

    protected static StreamName Stream(string name) => StreamName.Parse(name);

    protected async Task<List<RecordedEvent>> ReadStream(StreamName stream, Direction direction = Direction.Forwards, StreamRevision? from = null, int maxCount = int.MaxValue) =>
        await Store.ReadStreamAsync(stream, direction, from ?? (direction == Direction.Forwards ? StreamRevision.Start : StreamRevision.End), maxCount).ToListAsync();

    protected async Task<List<RecordedEvent>> ReadAll(Position? after = null, AllFilter? filter = null, int maxCount = int.MaxValue) =>
        await Store.ReadAllAsync(after ?? Position.Start, filter ?? AllFilter.None, maxCount).ToListAsync();

    /// <summary>Takes events from a subscription until it has <paramref name="count"/> of them, or fails after a generous bound.</summary>
    protected static async Task<List<RecordedEvent>> TakeAsync(IAsyncEnumerator<RecordedEvent> subscription, int count)
    {
        var taken = new List<RecordedEvent>(count);
        while (taken.Count < count)
        {
            Assert.True(await subscription.MoveNextAsync(), "the subscription ended");
            taken.Add(subscription.Current);
        }

        return taken;
    }

    protected static CancellationTokenSource Bound(int seconds = 60) => new(TimeSpan.FromSeconds(seconds));
}
