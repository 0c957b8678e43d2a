namespace EventDialogue.Benchmarks.Measuring;

/// <summary>One kind of call on one backend's server, beside the reference (near-empty) call measured with it.</summary>
internal sealed record LatencyResult(string Backend, string Call, int Calls, TimeSpan P50, TimeSpan P99, double MeanResponseBytes, TimeSpan ReferenceP50, TimeSpan ReferenceP99)
{
    public static LatencyResult From(string backend, Latencies call, Latencies reference) => new(
        backend, call.Call, call.Count, call.Percentile(0.50), call.Percentile(0.99), call.MeanResponseBytes, reference.Percentile(0.50), reference.Percentile(0.99));

    /// <summary>This call's median latency / the reference call's: 1.0 = as fast as the near-empty call.</summary>
    public double P50Ratio => P50 / ReferenceP50;

    public double P99Ratio => P99 / ReferenceP99;
}
