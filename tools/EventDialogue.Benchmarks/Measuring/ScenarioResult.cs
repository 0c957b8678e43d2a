namespace EventDialogue.Benchmarks.Measuring;

/// <summary>
/// A scenario's rounds on one backend. Rates are totals over all rounds (events / time): since the rounds interleave
/// the two sides, a slow spell of the disk lands on both, which a single long run of each would not ensure.
/// </summary>
/// <param name="Writers">Concurrent writers; null where the scenario has none (a rebuild).</param>
/// <param name="Goal">The aim for the ratio; null where it sets none.</param>
internal sealed record ScenarioResult(string Backend, string Scenario, int? Writers, IReadOnlyList<Sample> Samples, double? Goal)
{
    public long EventsPerRound => Samples[0].Events;

    public double OurRate => Samples.Sum(s => s.Events) / Samples.Sum(s => s.OurTime.TotalSeconds);

    public double BaselineRate => Samples.Sum(s => s.Events) / Samples.Sum(s => s.BaselineTime.TotalSeconds);

    /// <summary>Baseline rate / our rate: lower is better, 1.0 is as fast as raw.</summary>
    public double Ratio => BaselineRate / OurRate;

    public double MinRatio => Samples.Min(s => s.Ratio);

    public double MaxRatio => Samples.Max(s => s.Ratio);

    public bool MeetsGoal => Goal is not { } goal || Ratio <= goal;
}
