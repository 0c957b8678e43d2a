using System.Runtime.CompilerServices;
using EventDialogue.EventStore;
using EventDialogue.EventStore.Subscriptions;
using EventDialogue.Server.Access;
using Mediator;

namespace EventDialogue.Server.History.Reads;

/// <summary>
/// Follows the log for one subscriber through the store's <see cref="IEventStore.FollowAllAsync"/>, which reads a page at
/// a time (filtered by the store) only when the previous one has been taken, and says after each read how far it read:
/// so a subscriber holds at most a page in memory, is told when it has caught up, and while nothing matches its filter
/// is sent its place every interval. The wait for the next read races the interval, never the other way round: a
/// checkpoint never says more than has been read.
/// </summary>
public sealed class SubscribeHandler(IEventStore store, TimeProvider clock, SubscriberLagLimit lagLimit, ConfidentialEvents confidential) : IStreamQueryHandler<SubscribeQuery, SubscriptionMessage>
{
    public async IAsyncEnumerable<SubscriptionMessage> Handle(SubscribeQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var arguments = new ReadArguments();
        var after = arguments.After(query.AfterPosition);
        var filter = arguments.Filter(query.Filter);
        var interval = CheckpointInterval.Read(query.CheckpointIntervalSeconds, arguments);
        arguments.ThrowIfAnyBad();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var steps = store.FollowAllAsync(after, filter, stop.Token).GetAsyncEnumerator(stop.Token);
        Task<bool>? next = null;
        try
        {
            var readTo = after;
            var live = false;
            var lastSent = clock.GetTimestamp();
            while (true)
            {
                next ??= steps.MoveNextAsync().AsTask();
                await WaitAsync(next, interval - clock.GetElapsedTime(lastSent), stop.Token);
                stop.Token.ThrowIfCancellationRequested();
                if (!next.IsCompleted)
                {
                    lastSent = clock.GetTimestamp();
                    yield return new SubscriptionCheckpointed(readTo);
                    continue;
                }

                if (!await next)
                {
                    yield break;
                }

                next = null;
                switch (steps.Current)
                {
                    case EventMatched matched:
                        readTo = matched.Event.Position;
                        // Hidden from the caller: a placeholder when it follows the whole log, else left out (as ReadAll).
                        var hidden = await confidential.HiddenAsync(matched.Event, stop.Token);
                        if (hidden && !query.Filter.IsEmpty)
                        {
                            break;
                        }

                        lastSent = clock.GetTimestamp();
                        yield return new SubscribedEvent(matched.Event, hidden);
                        break;
                    case LogRead read when live && read.Lag > lagLimit.MaxPositions:
                        throw new SubscriberTooSlowException(read.ReadTo, read.Lag, lagLimit.MaxPositions);
                    case LogRead read:
                        readTo = read.ReadTo;
                        if (!live && read.CaughtUp)
                        {
                            live = true;
                            lastSent = clock.GetTimestamp();
                            yield return new SubscriptionWentLive(read.ReadTo);
                        }

                        break;
                }
            }
        }
        finally
        {
            // The store's enumerator cannot be disposed while a read is in flight: stop it, let it finish, then dispose.
            await stop.CancelAsync();
            if (next is not null)
            {
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await steps.DisposeAsync();
        }
    }

    /// <summary>Until the next step is read or the wait is over, whichever comes first.</summary>
    private async Task WaitAsync(Task next, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (next.IsCompleted || wait <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(next, Task.Delay(wait, clock, timer.Token));
        await timer.CancelAsync();
    }
}
