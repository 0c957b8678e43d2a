namespace EventDialogue.Benchmarks.Measuring;

/// <summary>Times our side and the baseline on the same work, one right after the other.</summary>
internal static class BackToBack
{
    /// <param name="events">Events each side handles.</param>
    /// <param name="ours">Does the work through our store and returns how long it took.</param>
    /// <param name="baseline">Does the same work raw and returns how long it took.</param>
    /// <param name="round">
    /// Which side goes first alternates with the round: that evens out the drift of a database that grows,
    /// a cache that warms and a checkpoint that may fall on either side.
    /// </param>
    public static async Task<Sample> MeasureAsync(long events, Func<Task<TimeSpan>> ours, Func<Task<TimeSpan>> baseline, int round)
    {
        TimeSpan ourTime, baselineTime;
        if (round % 2 == 0)
        {
            ourTime = await ours();
            baselineTime = await baseline();
        }
        else
        {
            baselineTime = await baseline();
            ourTime = await ours();
        }

        return new Sample(events, ourTime, baselineTime);
    }
}
