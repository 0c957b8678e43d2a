using System.Diagnostics.Metrics;

namespace EventDialogue.Server.Recording;

/// <summary>
/// The recording meter's instruments, made once per container: single recordings (<see cref="RecordingMetrics"/>) and
/// a batch's items (<see cref="Batching.BatchRecordingMetrics"/>) count on the same ones.
/// </summary>
public sealed class RecordingInstruments
{
    public RecordingInstruments(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        // the factory owns the meter, and disposes it with the container
        var meter = meters.Create(RecordingMetrics.MeterName);
        Commands = meter.CreateCounter<long>(RecordingMetrics.CommandsName, "{command}", "Recording commands handled, by command and outcome");
        Duration = meter.CreateHistogram<double>(RecordingMetrics.DurationName, "ms", "Time to decide and record a command, by command and outcome");
    }

    public Counter<long> Commands { get; }

    public Histogram<double> Duration { get; }
}
