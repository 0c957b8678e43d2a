namespace EventDialogue.Server.Integrity;

/// <summary>
/// The server's checks of its own log — at start, before signing, on an auditor's request — with what follows from a
/// problem in one place: it is recorded (signing stops, the "integrity" health check turns unhealthy) and logged once,
/// naming the first bad position.
/// </summary>
public sealed partial class LogSelfCheck(LogCheck check, IntegrityState state, ILogger<LogSelfCheck> logger)
{
    /// <summary>Checks the last <paramref name="lastEvents"/> events, or every event when null.</summary>
    public async Task<LogCheckResult> RunAsync(long? lastEvents, CancellationToken cancellationToken)
    {
        var result = await check.RunAsync(lastEvents, cancellationToken);
        if (result.Problem is { } problem)
        {
            Report(problem);
        }
        else
        {
            Consistent(logger, result.EventsChecked, result.TreeSize, result.CheckpointsChecked);
        }

        return result;
    }

    public void Report(LogProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (state.Report(problem) && logger.IsEnabled(LogLevel.Critical))
        {
            var where = problem.Position is { } position
                ? $"first bad position {position.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
                : "no single bad position: a checkpoint or the tree's hashes";
            Inconsistent(logger, where, problem.Description);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The log is consistent: its last {EventsChecked} events of {TreeSize} match their leaves, and {Checkpoints} signed checkpoints verify and match its roots")]
    private static partial void Consistent(ILogger logger, long eventsChecked, long treeSize, long checkpoints);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The log is inconsistent ({Where}): {Problem}. No checkpoint will be signed until the server restarts on a good log; reads and recording go on.")]
    private static partial void Inconsistent(ILogger logger, string where, string problem);
}
