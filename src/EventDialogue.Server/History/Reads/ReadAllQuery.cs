using System.Runtime.CompilerServices;
using EventDialogue.EventStore;
using Mediator;

namespace EventDialogue.Server.History.Reads;

/// <param name="AfterPosition">Read the events after this position (exclusive).</param>
/// <param name="Filter">Only these events.</param>
/// <param name="MaxCount">At most this many events; 0 for all.</param>
public sealed record ReadAllQuery(long AfterPosition, LogFilter Filter, long MaxCount) : IStreamQuery<RecordedEvent>;

/// <summary>
/// The log in position order, filtered by the store: the store reads it a chunk at a time, and each event is handed on
/// only when the caller asks for the next, so a slow client holds the read back rather than filling memory.
/// </summary>
public sealed class ReadAllHandler(IEventStore store) : IStreamQueryHandler<ReadAllQuery, RecordedEvent>
{
    public async IAsyncEnumerable<RecordedEvent> Handle(ReadAllQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var arguments = new ReadArguments();
        var after = arguments.After(query.AfterPosition);
        var filter = arguments.Filter(query.Filter);
        var maxCount = arguments.MaxCount(query.MaxCount);
        arguments.ThrowIfAnyBad();

        await foreach (var recorded in store.ReadAllAsync(after, filter, maxCount, cancellationToken))
        {
            yield return recorded;
        }
    }
}
