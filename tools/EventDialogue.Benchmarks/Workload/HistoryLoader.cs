using EventDialogue.EventStore;
using EventDialogue.EventStore.Tests.Views;

namespace EventDialogue.Benchmarks.Workload;

internal static class HistoryLoader
{
    /// <summary>Appends the history stream by stream, in the batches the generator makes, as the recording desk would.</summary>
    public static async Task<LoadedHistory> AppendAsync(IEventStore store, HistoryShape shape, CancellationToken cancellationToken)
    {
        var events = 0L;
        var head = Position.Start;
        foreach (var (stream, facts) in shape.Appends())
        {
            EventData[] batch = [.. facts.Select(GeneratedHistory.ToEventData)];
            var result = await store.AppendToStreamAsync(StreamName.Parse(stream), ExpectedRevision.Any, batch, cancellationToken).ConfigureAwait(false);
            head = result.Position;
            events += batch.Length;
        }

        return new LoadedHistory(shape, events, head);
    }
}
