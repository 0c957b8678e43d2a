using Mediator;

namespace EventDialogue.Server.Integrity;

/// <summary>Checks the log against its tree and signed checkpoints now: every event when <see cref="Full"/>, else the start-up check's tail.</summary>
public sealed record CheckLogQuery(bool Full) : IQuery<LogCheckResult>;

public sealed class CheckLogHandler(LogSelfCheck check, IntegrityOptions options) : IQueryHandler<CheckLogQuery, LogCheckResult>
{
    public async ValueTask<LogCheckResult> Handle(CheckLogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await check.RunAsync(query.Full ? null : options.StartupCheckEvents, cancellationToken);
    }
}
