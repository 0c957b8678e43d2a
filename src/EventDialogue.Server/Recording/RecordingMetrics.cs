using System.Diagnostics;
using System.Diagnostics.Metrics;
using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Server.Recording.Batching;
using EventDialogue.Server.Recording.Checking;
using Mediator;

namespace EventDialogue.Server.Recording;

/// <summary>
/// Counts and times each recorded command by its kind and outcome (recorded, replayed, or the kind of refusal), on the
/// meter <see cref="MeterName"/>, for any metrics collector (dotnet-counters, OpenTelemetry) to read. A batch's items
/// count as the commands they are, each timed at its share of the batch's time (they are decided in turn and appended
/// together); in a batch refused all or nothing, the refused item counts as refused and the others as
/// <c>not-recorded</c>.
/// </summary>
public sealed class RecordingMetrics : IPipelineBehavior<RecordCommand, Recorded>, IPipelineBehavior<RecordCommandBatch, IReadOnlyList<BatchOutcome>>
{
    public const string MeterName = "EventDialogue.Recording";

    public const string CommandsName = "eventdialogue.recording.commands";

    public const string DurationName = "eventdialogue.recording.duration";

    private readonly Counter<long> _commands;
    private readonly Histogram<double> _duration;

    public RecordingMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        // the factory owns the meter, and disposes it with the container
        var meter = meters.Create(MeterName);
        _commands = meter.CreateCounter<long>(CommandsName, "{command}", "Recording commands handled, by command and outcome");
        _duration = meter.CreateHistogram<double>(DurationName, "ms", "Time to decide and record a command, by command and outcome");
    }

    public async ValueTask<Recorded> Handle(RecordCommand message, MessageHandlerDelegate<RecordCommand, Recorded> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var recorded = await next(message, cancellationToken);
            outcome = recorded.Replayed ? "replayed" : "recorded";
            return recorded;
        }
        catch (Exception ex) when (Refusal(ex) is { } refusal)
        {
            outcome = refusal;
            throw;
        }
        finally
        {
            var tags = new TagList { { "command", message.Command.GetType().Name }, { "outcome", outcome } };
            _commands.Add(1, tags);
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        }
    }

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
                    { Refusal: { } refusal } => Refusal(refusal) ?? "failed",
                    _ => "failed",
                };
            }

            return decided;
        }
        catch (CommandRefusedInCheckException refused) when (refused.Index < outcomes.Length)
        {
            Array.Fill(outcomes, "not-recorded");
            outcomes[refused.Index] = Refusal(refused.Refusal) ?? "failed";
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
                _commands.Add(1, tags);
                _duration.Record(share, tags);
            }
        }
    }

    /// <summary>The outcome tag of a command refused for what it asked (not a fault of the server or its store).</summary>
    private static string? Refusal(Exception exception) => exception switch
    {
        DomainException domain => $"refused:{domain.Kind}",
        WrongExpectedRevisionException => "refused:WrongExpectedRevision",
        RequestIdReusedException => "refused:RequestIdReused",
        OperationCanceledException => "cancelled",
        _ => null,
    };
}
