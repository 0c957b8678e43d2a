using System.Diagnostics;
using System.Diagnostics.Metrics;
using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using Mediator;

namespace EventDialogue.Server.Recording;

/// <summary>
/// Counts and times each recorded command by its kind and outcome (recorded, replayed, or the kind of refusal), on the
/// meter <see cref="MeterName"/>, for any metrics collector (dotnet-counters, OpenTelemetry) to read. A batch's items
/// are counted on the same instruments (<see cref="Batching.BatchRecordingMetrics"/>).
/// </summary>
public sealed class RecordingMetrics : IPipelineBehavior<RecordCommand, Recorded>
{
    public const string MeterName = "EventDialogue.Recording";

    public const string CommandsName = "eventdialogue.recording.commands";

    public const string DurationName = "eventdialogue.recording.duration";

    private readonly Counter<long> _commands;
    private readonly Histogram<double> _duration;

    public RecordingMetrics(RecordingInstruments instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        (_commands, _duration) = (instruments.Commands, instruments.Duration);
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

    /// <summary>The outcome tag of a command refused for what it asked (not a fault of the server or its store).</summary>
    internal static string? Refusal(Exception exception) => exception switch
    {
        DomainException domain => $"refused:{domain.Kind}",
        WrongExpectedRevisionException => "refused:WrongExpectedRevision",
        RequestIdReusedException => "refused:RequestIdReused",
        OperationCanceledException => "cancelled",
        _ => null,
    };
}
