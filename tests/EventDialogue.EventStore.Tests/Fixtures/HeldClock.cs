using System.Threading.Channels;

namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>
/// A clock that moves only when told (<see cref="Advance"/>), and says when something sets a timer on it: a test can
/// wait until the code under test waits on the clock, then decide when its time is up.
/// </summary>
public sealed class HeldClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<HeldTimer> _timers = [];
    private readonly Channel<TimeSpan> _set = Channel.CreateUnbounded<TimeSpan>();
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _ticks;
        }
    }

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch + TimeSpan.FromTicks(GetTimestamp());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new HeldTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Waits until a timer has been set to a due time (each setting is waited for once), and says how far off.</summary>
    public ValueTask<TimeSpan> TimerSetAsync(CancellationToken cancellationToken) => _set.Reader.ReadAsync(cancellationToken);

    /// <summary>Moves the time on and fires every timer due by then, once.</summary>
    public void Advance(TimeSpan by)
    {
        List<HeldTimer> due;
        lock (_gate)
        {
            _ticks += by.Ticks;
            due = [.. _timers.Where(t => t.Due <= _ticks)];
            foreach (var timer in due)
            {
                timer.Due = long.MaxValue;
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private sealed class HeldTimer(HeldClock clock, TimerCallback callback, object? state) : ITimer
    {
        public long Due { get; set; } = long.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? long.MaxValue : clock._ticks + dueTime.Ticks;
            }

            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                clock._set.Writer.TryWrite(dueTime);
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
