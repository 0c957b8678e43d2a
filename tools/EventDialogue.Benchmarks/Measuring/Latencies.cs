namespace EventDialogue.Benchmarks.Measuring;

/// <summary>The latencies of one kind of call, and the sizes of its responses.</summary>
internal sealed class Latencies(string call)
{
    private readonly List<TimeSpan> _times = [];
    private long _responseBytes;

    public string Call => call;

    public int Count => _times.Count;

    public double MeanResponseBytes => Count == 0 ? 0 : (double)_responseBytes / Count;

    public void Add(TimeSpan time, int responseBytes)
    {
        _times.Add(time);
        _responseBytes += responseBytes;
    }

    /// <summary>The nearest-rank percentile: the smallest time that at least <paramref name="fraction"/> of the calls did not exceed.</summary>
    public TimeSpan Percentile(double fraction)
    {
        var sorted = _times.Order().ToList();
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
