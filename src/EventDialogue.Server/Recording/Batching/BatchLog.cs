namespace EventDialogue.Server.Recording.Batching;

/// <summary>
/// The operator's account of a batch: one line per batch at Information, with its counts; a line per request recorded
/// or replayed, with who and where (as <see cref="RecordingLog"/> gives it for a single recording), at Debug, so that
/// a batch of a thousand costs the log one line unless asked for more. Refused items are counted on the batch's line
/// (an all-or-nothing refusal is logged by the error interceptor, as every refusal of a call).
/// </summary>
internal static partial class BatchLog
{
    public static void Outcomes(ILogger logger, RecordCommandBatch batch, IReadOnlyList<BatchOutcome> outcomes)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var itemsToo = logger.IsEnabled(LogLevel.Debug);
        var (recordedCount, replayedCount) = (0, 0);
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i].Recorded is not { } recorded || batch.Items[i].Command is not { } item)
            {
                continue;
            }

            if (recorded.Replayed)
            {
                replayedCount++;
                if (itemsToo)
                {
                    Replayed(logger, i, item.Command.GetType().Name, item.RecordedBy, item.RequestId, recorded.Stream, recorded.Revision);
                }
            }
            else
            {
                recordedCount++;
                if (itemsToo)
                {
                    Recorded(logger, i, item.Command.GetType().Name, item.RecordedBy, recorded.EventCount, recorded.Stream, recorded.Revision, recorded.Position, item.RequestId);
                }
            }
        }

        Batch(logger, outcomes.Count, recordedCount, replayedCount, outcomes.Count - recordedCount - replayedCount);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "batch item {Index}, {Command} by {Principal}: recorded {EventCount} event(s) in {Stream}, now at revision {Revision}, position {Position} (request {RequestId})")]
    private static partial void Recorded(ILogger logger, int index, string command, string principal, int eventCount, string stream, long revision, long position, string requestId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "batch item {Index}, {Command} by {Principal}: request {RequestId} was recorded before, in {Stream} up to revision {Revision}; nothing new written")]
    private static partial void Replayed(ILogger logger, int index, string command, string principal, string requestId, string stream, long revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "batch of {Count} request(s): {Recorded} recorded, {Replayed} replayed, {Refused} refused")]
    private static partial void Batch(ILogger logger, int count, int recorded, int replayed, int refused);
}
