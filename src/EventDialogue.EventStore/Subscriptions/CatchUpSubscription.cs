using System.Runtime.CompilerServices;

namespace EventDialogue.EventStore.Subscriptions;

/// <summary>
/// A subscription to $all built on the store's own <see cref="IEventStore.ReadAllAsync"/>: catching up and going live are
/// the same loop (read after the last position delivered; when caught up, wait for a commit), so there is no switch-over
/// at which an event could be lost or delivered twice.
/// </summary>
public static class CatchUpSubscription
{
    private const int PageSize = 500;

    /// <param name="readAll">The backend's $all read.</param>
    /// <param name="signal">Commits made in this process.</param>
    /// <param name="pollInterval">How often to look for commits made by other processes.</param>
    /// <param name="after">The checkpoint: the last position the subscriber has already handled.</param>
    /// <param name="filter">Which events to deliver.</param>
    /// <param name="timeProvider">The clock for the poll interval.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    public static async IAsyncEnumerable<RecordedEvent> Run(
        Func<Position, AllFilter, int, CancellationToken, IAsyncEnumerable<RecordedEvent>> readAll,
        AppendSignal signal,
        TimeSpan pollInterval,
        Position after,
        AllFilter filter,
        TimeProvider timeProvider,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var checkpoint = after;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var committed = signal.Next;
            var read = 0;
            await foreach (var recorded in readAll(checkpoint, filter, PageSize, cancellationToken).ConfigureAwait(false))
            {
                read++;
                checkpoint = recorded.Position;
                yield return recorded;
            }

            if (read == PageSize)
            {
                continue;
            }

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timeout = Task.Delay(pollInterval, timeProvider, poll.Token);
            await Task.WhenAny(committed, timeout).ConfigureAwait(false);
            await poll.CancelAsync().ConfigureAwait(false);
        }
    }
}
