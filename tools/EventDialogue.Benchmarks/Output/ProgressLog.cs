using System.Diagnostics;

namespace EventDialogue.Benchmarks.Output;

/// <summary>Progress goes to stderr, so that stdout carries only the result table and can be captured as it is.</summary>
internal sealed class ProgressLog
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Step(string backend, string message) => Console.Error.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {backend}: {message}");
}
