using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.EventStore.Tests.Views;

namespace EventDialogue.Benchmarks.Workload;

internal static class HistoryLoader
{
    /// <summary>Appends the history stream by stream, in the batches the generator makes, as the recording desk would.</summary>
    public static async Task<LoadedHistory> AppendAsync(IEventStore store, HistoryShape shape, CancellationToken cancellationToken)
    {
        var (events, head) = await AppendAllAsync(store, shape.Appends(), cancellationToken);
        return new LoadedHistory(shape, events, head);
    }

    /// <summary>Appends more streams after a loaded history; the result covers both, up to the new head.</summary>
    public static async Task<LoadedHistory> AppendMoreAsync(IEventStore store, LoadedHistory history, IEnumerable<(string Stream, IReadOnlyList<IDomainEvent> Facts)> appends, CancellationToken cancellationToken)
    {
        var (events, head) = await AppendAllAsync(store, appends, cancellationToken);
        return history with { Events = history.Events + events, Head = events == 0 ? history.Head : head };
    }

    private static async Task<(long Events, Position Head)> AppendAllAsync(IEventStore store, IEnumerable<(string Stream, IReadOnlyList<IDomainEvent> Facts)> appends, CancellationToken cancellationToken)
    {
        var events = 0L;
        var head = Position.Start;
        foreach (var (stream, facts) in appends)
        {
            EventData[] batch = [.. facts.Select(GeneratedHistory.ToEventData)];
            var result = await store.AppendToStreamAsync(StreamName.Parse(stream), ExpectedRevision.Any, batch, cancellationToken);
            head = result.Position;
            events += batch.Length;
        }

        return (events, head);
    }
}
