namespace EventDialogue.Server.Views;

public sealed partial class ProjectionHost
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Projection {Projection} stopped at a poison event: position {Position}, type {EventType}, stream {Stream}: {Error}")]
    private static partial void Poisoned(ILogger logger, string projection, long position, string eventType, string stream, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Projection {Projection} failed")]
    private static partial void Crashed(ILogger logger, Exception exception, string projection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projection {Projection} cannot use the store (try {Attempt}), trying again in {RetryIn:0.0} s: {Error}")]
    private static partial void StoreFailed(ILogger logger, string projection, int attempt, double retryIn, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projections {Projection}: a checkpoint was moved by another runner (a view built again, or another process of the group), so they follow $all again from the stored checkpoints in {RetryIn:0.0} s: {Error}")]
    private static partial void CheckpointMoved(ILogger logger, string projection, double retryIn, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projection {Projection} follows $all again from position {Checkpoint}")]
    private static partial void Resumed(ILogger logger, string projection, long checkpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projection {Projection}: its view was built again beside the one in use and put in its place at position {Checkpoint}")]
    private static partial void Rebuilt(ILogger logger, string projection, long checkpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projections: this process leads and runs them")]
    private static partial void Leading(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projections: waiting to lead; following the checkpoints of the process that runs them")]
    private static partial void Following(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projections: this process lost the lead and stopped running them")]
    private static partial void LostLead(ILogger logger);
}
