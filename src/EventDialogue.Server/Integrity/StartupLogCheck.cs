namespace EventDialogue.Server.Integrity;

/// <summary>
/// The start-up check: the last events (Integrity:StartupCheckEvents) against the stored tree and the signed
/// checkpoints, before the server listens and before the first checkpoint is signed. A problem does not stop the start:
/// auditors need the server to look at the log; it stops the signing and shows in health and the log.
/// </summary>
public sealed partial class StartupLogCheck(LogSelfCheck check, IntegrityState state, IntegrityOptions options, ILogger<StartupLogCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            state.StartupChecked(await check.RunAsync(options.StartupCheckEvents, cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A log that cannot even be read back is not one to sign over.
            CannotCheck(logger, e);
            check.Report(new LogProblem(null, $"the start-up check could not read the log: {e.Message}"));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "The start-up check of the log failed")]
    private static partial void CannotCheck(ILogger logger, Exception exception);
}
