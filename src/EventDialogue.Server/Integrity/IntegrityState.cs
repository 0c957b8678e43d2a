namespace EventDialogue.Server.Integrity;

/// <summary>
/// Whether the server may sign its log: not once a check has found it inconsistent. The first problem found stays
/// until the server restarts (and its start-up check finds the log good), so a log put right behind the server's back
/// is not silently signed over again while it runs.
/// </summary>
public sealed class IntegrityState
{
    private LogProblem? _problem;
    private LogCheckResult? _startupCheck;

    /// <summary>The first problem found since the server started, or null.</summary>
    public LogProblem? Problem => Volatile.Read(ref _problem);

    /// <summary>What the start-up check found, once it has run.</summary>
    public LogCheckResult? StartupCheck => Volatile.Read(ref _startupCheck);

    /// <summary>Records a problem; false when one was already recorded (which stays).</summary>
    public bool Report(LogProblem problem) => Interlocked.CompareExchange(ref _problem, problem, null) is null;

    public void StartupChecked(LogCheckResult result) => Volatile.Write(ref _startupCheck, result);
}
