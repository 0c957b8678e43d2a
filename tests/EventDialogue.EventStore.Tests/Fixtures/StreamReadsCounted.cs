using System.Collections.Concurrent;

namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>A real store that notes which streams were read through it.</summary>
public sealed class StreamReadsCounted(IEventStore store) : StoreWrapper(store)
{
    private readonly ConcurrentDictionary<string, bool> _reads = new(StringComparer.Ordinal);

    /// <summary>The streams read so far, each once, in name order.</summary>
    public IReadOnlyList<string> StreamsRead => [.. _reads.Keys.Order(StringComparer.Ordinal)];

    public override IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, Direction direction, StreamRevision from, int maxCount = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _reads.TryAdd(stream.Value, true);
        return Store.ReadStreamAsync(stream, direction, from, maxCount, cancellationToken);
    }
}
