using System.Diagnostics;
using EventDialogue.Server.Recording.Checking;
using Mediator;

namespace EventDialogue.Server.Recording.Batching;

/// <summary>
/// Counts and times each item of a batch as the command it is, on <see cref="RecordingMetrics"/>' instruments: each
/// timed at its share of the batch's time (they are decided in turn and appended together); in a batch refused all or
/// nothing, the refused item counts as refused and the others as <c>not-recorded</c>.
/// </summary>
public sealed class BatchRecordingMetrics(RecordingInstruments instruments) : IPipelineBehavior<RecordCommandBatch, IReadOnlyList<BatchOutcome>>
{
    public async ValueTask<IReadOnlyList<BatchOutcome>> Handle(RecordCommandBatch message, MessageHandlerDelegate<RecordCommandBatch, IReadOnlyList<BatchOutcome>> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        var outcomes = message.Items.Select(_ => "failed").ToArray();
        try
        {
            var decided = await next(message, cancellationToken);
            for (var i = 0; i < decided.Count; i++)
            {
                outcomes[i] = decided[i] switch
                {
                    { Recorded: { Replayed: true } } => "replayed",
                    { Recorded: not null } => "recorded",
                    { Refusal: { } refusal } => RecordingMetrics.Refusal(refusal) ?? "failed",
                    _ => "failed",
                };
            }

            return decided;
        }
        catch (CommandRefusedInCheckException refused) when (refused.Index < outcomes.Length)
        {
            Array.Fill(outcomes, "not-recorded");
            outcomes[refused.Index] = RecordingMetrics.Refusal(refused.Refusal) ?? "failed";
            throw;
        }
        catch (OperationCanceledException)
        {
            Array.Fill(outcomes, "cancelled");
            throw;
        }
        finally
        {
            var share = Stopwatch.GetElapsedTime(started).TotalMilliseconds / Math.Max(1, outcomes.Length);
            for (var i = 0; i < outcomes.Length; i++)
            {
                var tags = new TagList { { "command", message.Items[i].Command?.Command.GetType().Name ?? "unreadable" }, { "outcome", outcomes[i] } };
                instruments.Commands.Add(1, tags);
                instruments.Duration.Record(share, tags);
            }
        }
    }

}
