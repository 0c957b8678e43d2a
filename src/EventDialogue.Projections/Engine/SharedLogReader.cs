using System.Runtime.CompilerServices;
using EventDialogue.Domain.Common;
using EventDialogue.EventStore;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// One read of $all shared by the runners of several projections while they catch up (a rebuild, a restart behind the
/// head), and one parse of each event shared by every projection that follows its stream. Without it each runner read
/// and parsed the whole log itself: a profile of a five-view rebuild on SQLite put a third of the runners' CPU time in
/// reading $all five times.
/// <para>
/// Catching up goes in pages: the first runner to ask for the page after a position reads it, the others take the same
/// page (the same <see cref="LoggedEvent"/>s, so the same parse); a page is let go once every follower has taken it,
/// and at most <see cref="MostPagesKept"/> are kept, so a runner that falls far behind reads its own pages rather than
/// holding the log in memory. The next page is asked for before the current one is handed out. A page shorter than
/// <see cref="PageSize"/> ends the catching up: from there each runner follows the store's own subscription, which goes
/// live with no gap or duplicate at the switch. Pages are read with the store's $all read, which only ever returns a
/// prefix of the log that cannot grow in the middle, so a page never skips an event.
/// </para>
/// </summary>
/// <param name="events">The log.</param>
/// <param name="read">The parse of a recorded event into its domain event.</param>
/// <param name="followers">How many runners follow through this reader: a page is let go once this many have taken it.</param>
public sealed class SharedLogReader(IEventStore events, Func<RecordedEvent, IDomainEvent> read, int followers = 1)
{
    /// <summary>Events per page while catching up.</summary>
    public const int PageSize = 1000;

    /// <summary>Pages kept for followers that have not taken them yet (the oldest let go first).</summary>
    public const int MostPagesKept = 64;

    private readonly Lock _gate = new();
    private readonly Dictionary<Position, SharedPage> _pages = [];
    private readonly Queue<Position> _kept = new();

    public IEventStore Events => events;

    /// <summary>Every event of $all after <paramref name="after"/>, in order: caught up in shared pages, then live.</summary>
    public async IAsyncEnumerable<LoggedEvent> FollowAsync(Position after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var checkpoint = after;
        var page = Take(checkpoint);
        while (true)
        {
            var pageEvents = await page.WaitAsync(cancellationToken).ConfigureAwait(false);
            var full = pageEvents.Count == PageSize;
            if (full)
            {
                // read ahead: the next page comes in while this one is applied (where the store's reads are asynchronous)
                page = Take(pageEvents[^1].Recorded.Position);
            }

            foreach (var logged in pageEvents)
            {
                checkpoint = logged.Recorded.Position;
                yield return logged;
            }

            if (!full)
            {
                break;
            }
        }

        await foreach (var recorded in events.SubscribeToAllAsync(checkpoint, AllFilter.None, cancellationToken).ConfigureAwait(false))
        {
            yield return new LoggedEvent(recorded, read);
        }
    }

    /// <summary>The page after <paramref name="after"/>: the one another follower asked for, or a new read.</summary>
    private Task<IReadOnlyList<LoggedEvent>> Take(Position after)
    {
        lock (_gate)
        {
            if (_pages.TryGetValue(after, out var shared))
            {
                shared.Taken++;
                if (shared.Taken >= followers)
                {
                    _pages.Remove(after);
                }

                return shared.Events;
            }

            // not tied to one follower's cancellation: the others may be waiting on it too; a page is short work
            var reading = ReadPageAsync(after);
            if (followers > 1 && !reading.IsFaulted)
            {
                _pages[after] = new SharedPage(reading);
                _kept.Enqueue(after);
                while (_kept.Count > MostPagesKept)
                {
                    _pages.Remove(_kept.Dequeue());
                }
            }

            return reading;
        }
    }

    private async Task<IReadOnlyList<LoggedEvent>> ReadPageAsync(Position after)
    {
        try
        {
            var page = new List<LoggedEvent>(PageSize);
            await foreach (var recorded in events.ReadAllAsync(after, AllFilter.None, PageSize, CancellationToken.None).ConfigureAwait(false))
            {
                page.Add(new LoggedEvent(recorded, read));
            }

            return page;
        }
        catch
        {
            // a failed read (the store is down) is not kept: the runners try again later from their checkpoints
            lock (_gate)
            {
                _pages.Remove(after);
            }

            throw;
        }
    }

    private sealed class SharedPage(Task<IReadOnlyList<LoggedEvent>> events)
    {
        public Task<IReadOnlyList<LoggedEvent>> Events { get; } = events;

        public int Taken { get; set; } = 1;
    }
}

/// <summary>An event of $all, parsed once, when a projection that follows its stream first asks for its domain event.</summary>
public sealed class LoggedEvent(RecordedEvent recorded, Func<RecordedEvent, IDomainEvent> read)
{
    // thread-safe and caching its exception: projections applying in parallel parse it once, and a poison event fails
    // every projection that follows it with the same error
    private readonly Lazy<IDomainEvent> _fact = new(() => read(recorded));

    public RecordedEvent Recorded { get; } = recorded;

    public IDomainEvent Fact => _fact.Value;
}
