using Mediator;

namespace EventDialogue.Server.Recording;

/// <summary>
/// Logs each recorded command in one line, with who recorded it and where its events went (or that it was a retry and
/// wrote nothing): the operator's account of who changed the record. A refused command is logged by the error
/// interceptor (<see cref="Api.Errors.ErrorMappingInterceptor"/>), which names the caller too, so that every refusal
/// of every call, commands or not, is logged once and the same way.
/// </summary>
public sealed partial class RecordingLog(ILogger<RecordingLog> logger) : IPipelineBehavior<RecordCommand, Recorded>
{
    public async ValueTask<Recorded> Handle(RecordCommand message, MessageHandlerDelegate<RecordCommand, Recorded> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(next);
        var recorded = await next(message, cancellationToken);
        if (recorded.Replayed)
        {
            Replayed(logger, message.Command.GetType().Name, message.RecordedBy, message.RequestId, recorded.Stream, recorded.Revision);
        }
        else
        {
            Recorded(logger, message.Command.GetType().Name, message.RecordedBy, recorded.EventCount, recorded.Stream, recorded.Revision, recorded.Position, message.RequestId);
        }

        return recorded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Command} by {Principal}: recorded {EventCount} event(s) in {Stream}, now at revision {Revision}, position {Position} (request {RequestId})")]
    private static partial void Recorded(ILogger logger, string command, string principal, int eventCount, string stream, long revision, long position, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Command} by {Principal}: request {RequestId} was recorded before, in {Stream} up to revision {Revision}; nothing new written")]
    private static partial void Replayed(ILogger logger, string command, string principal, string requestId, string stream, long revision);
}
