namespace EventDialogue.Benchmarks.Measuring;

/// <summary>One round: the time our store and the baseline took for the same events, measured back to back.</summary>
internal readonly record struct Sample(long Events, TimeSpan OurTime, TimeSpan BaselineTime)
{
    public double OurRate => Events / OurTime.TotalSeconds;

    public double BaselineRate => Events / BaselineTime.TotalSeconds;

    /// <summary>Baseline rate / our rate (our time / baseline time): lower is better, 1.0 is as fast as raw.</summary>
    public double Ratio => OurTime / BaselineTime;
}
