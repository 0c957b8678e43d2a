using System.Runtime.CompilerServices;

namespace EventDialogue.EventStore.Subscriptions;

/// <summary>
/// A subscription to $all built on the store's own <see cref="IEventStore.ReadAllAsync"/>: catching up and going live are
/// the same loop (read after the last position delivered; when caught up, wait for a commit), so there is no switch-over
/// at which an event could be lost or delivered twice.
/// </summary>
/// <para>
/// A commit may not be readable at once: on PostgreSQL a reader sees an append only once every older transaction has
/// ended. So after a wake-up the subscription looks again shortly, at doubling intervals, while nothing new appears,
/// before it settles back to waiting for the next commit or poll.
/// </para>
public static class CatchUpSubscription
{
    private const int PageSize = 500;
    private static readonly TimeSpan FirstLookAgain = TimeSpan.FromMilliseconds(10);

    /// <param name="readAll">The backend's $all read.</param>
    /// <param name="readHead">The backend's head of $all, as a reader of it sees it.</param>
    /// <param name="signal">Commits made in this process.</param>
    /// <param name="pollInterval">How often to look for commits nobody told of; also the longest pause between looks after a wake-up.</param>
    /// <param name="after">The checkpoint: the last position the subscriber has already handled.</param>
    /// <param name="filter">Which events to deliver.</param>
    /// <param name="timeProvider">The clock for the poll interval.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    public static async IAsyncEnumerable<RecordedEvent> Run(
        Func<Position, AllFilter, int, CancellationToken, IAsyncEnumerable<RecordedEvent>> readAll,
        Func<CancellationToken, Task<Position>> readHead,
        AppendSignal signal,
        TimeSpan pollInterval,
        Position after,
        AllFilter filter,
        TimeProvider timeProvider,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var step in Follow(readAll, readHead, signal, pollInterval, after, filter, timeProvider, cancellationToken).ConfigureAwait(false))
        {
            if (step is EventMatched matched)
            {
                yield return matched.Event;
            }
        }
    }

    /// <summary>
    /// As <see cref="Run"/>, saying after each read how far it has read (see <see cref="LogRead"/>), so that a follower
    /// whose filter matches little still knows its place. The head is read before each page: everything up to it is
    /// visible to the page's read, so when the page is not full every match up to the head has been given, and the next
    /// read can start after the head rather than after the last match.
    /// </summary>
    /// <param name="readAll">The backend's $all read.</param>
    /// <param name="readHead">The backend's head of $all, as a reader of it sees it.</param>
    /// <param name="signal">Commits made in this process.</param>
    /// <param name="pollInterval">How often to look for commits nobody told of; also the longest pause between looks after a wake-up.</param>
    /// <param name="after">The checkpoint: the last position the subscriber has already handled.</param>
    /// <param name="filter">Which events to deliver.</param>
    /// <param name="timeProvider">The clock for the poll interval.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    public static async IAsyncEnumerable<FollowStep> Follow(
        Func<Position, AllFilter, int, CancellationToken, IAsyncEnumerable<RecordedEvent>> readAll,
        Func<CancellationToken, Task<Position>> readHead,
        AppendSignal signal,
        TimeSpan pollInterval,
        Position after,
        AllFilter filter,
        TimeProvider timeProvider,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var checkpoint = after;
        TimeSpan? lookAgain = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var committed = signal.Next;
            var from = checkpoint;
            var head = await readHead(cancellationToken).ConfigureAwait(false);
            var read = 0;
            await foreach (var recorded in readAll(checkpoint, filter, PageSize, cancellationToken).ConfigureAwait(false))
            {
                read++;
                checkpoint = recorded.Position;
                yield return new EventMatched(recorded);
            }

            if (read < PageSize && head > checkpoint)
            {
                checkpoint = head;
            }

            yield return new LogRead(from, checkpoint, head);
            if (read == PageSize)
            {
                continue;
            }

            if (lookAgain is { } previous)
            {
                var next = checkpoint > from ? FirstLookAgain : previous * 2;
                lookAgain = next <= pollInterval ? next : null;
            }

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timeout = Task.Delay(lookAgain ?? pollInterval, timeProvider, poll.Token);
            if (await Task.WhenAny(committed, timeout).ConfigureAwait(false) == committed)
            {
                lookAgain = FirstLookAgain;
            }

            await poll.CancelAsync().ConfigureAwait(false);
        }
    }
}
