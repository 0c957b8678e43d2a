namespace EventDialogue.Benchmarks.Measuring;

/// <summary>
/// One stretch of a recording run: the statements from <paramref name="FirstStatement"/> to
/// <paramref name="LastStatement"/> of one round, recorded by <paramref name="Clients"/> concurrent clients.
/// </summary>
/// <param name="ServerCpu">The server process's CPU time (user + system) over the stretch.</param>
/// <param name="EmptyP99">The near-empty call's p99 on the same server, measured before the run.</param>
/// <param name="Batch">Statements per call: 1 for RecordStatement, more for RecordRequests (latencies are per call).</param>
internal sealed record RecordingResult(
    string Backend,
    int Clients,
    long FirstStatement,
    long LastStatement,
    TimeSpan Elapsed,
    TimeSpan P50,
    TimeSpan P99,
    TimeSpan ServerCpu,
    TimeSpan EmptyP99,
    int Batch = 1)
{
    public long Statements => LastStatement - FirstStatement + 1;

    public double Rate => Statements / Elapsed.TotalSeconds;

    public TimeSpan CpuPerStatement => ServerCpu / Statements;

    public double P99Ratio => P99 / EmptyP99;
}

/// <summary>How long after the last acknowledged write every view had applied it.</summary>
internal sealed record ViewCatchUp(string Backend, int Clients, long Statements, TimeSpan After, int Batch = 1);
