namespace EventDialogue.Projections.Engine;

/// <summary>Exponential delays between tries, from <paramref name="first"/> doubling up to <paramref name="cap"/>.</summary>
public sealed class RetryBackoff(TimeSpan first, TimeSpan cap)
{
    /// <summary>0.1 s, 0.2 s, 0.4 s … at most 5 s: a restart of the database is noticed within a second or so, while a
    /// long outage costs a try every 5 s.</summary>
    public static RetryBackoff Default() => new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

    public TimeSpan Cap => cap;

    /// <summary>How many tries in a row have failed.</summary>
    public int Attempt { get; private set; }

    public TimeSpan Next()
    {
        Attempt++;
        var doublings = Math.Min(Attempt - 1, 30);
        var delay = first * Math.Pow(2, doublings);
        return delay < cap ? delay : cap;
    }

    public void Reset() => Attempt = 0;
}
