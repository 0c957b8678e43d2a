using System.Runtime.CompilerServices;
using EventDialogue.EventStore;
using EventDialogue.Server.Access;
using Mediator;

namespace EventDialogue.Server.History.Reads;

/// <param name="AfterPosition">Read the events after this position (exclusive).</param>
/// <param name="Filter">Only these events.</param>
/// <param name="MaxCount">At most this many events; 0 for all.</param>
public sealed record ReadAllQuery(long AfterPosition, LogFilter Filter, long MaxCount) : IStreamQuery<LogEntry>;

/// <summary>
/// The log in position order, filtered by the store: the store reads it a chunk at a time, and each event is handed on
/// only when the caller asks for the next, so a slow client holds the read back rather than filling memory. An event
/// the caller is not cleared to see is, in a read of the whole log, a placeholder (its position and leaf hash, so that
/// the log still verifies); in a filtered read it is left out, since being matched would tell of it, and the read goes
/// on so that max_count counts what the caller sees.
/// </summary>
public sealed class ReadAllHandler(IEventStore store, ConfidentialEvents confidential) : IStreamQueryHandler<ReadAllQuery, LogEntry>
{
    public async IAsyncEnumerable<LogEntry> Handle(ReadAllQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var arguments = new ReadArguments();
        var after = arguments.After(query.AfterPosition);
        var filter = arguments.Filter(query.Filter);
        var maxCount = arguments.MaxCount(query.MaxCount);
        arguments.ThrowIfAnyBad();

        var wholeLog = query.Filter.IsEmpty;
        var left = maxCount;
        while (left > 0)
        {
            var read = 0;
            await foreach (var recorded in store.ReadAllAsync(after, filter, left, cancellationToken))
            {
                read++;
                after = recorded.Position;
                var hidden = await confidential.HiddenAsync(recorded, cancellationToken);
                if (hidden && !wholeLog)
                {
                    continue;
                }

                left--;
                yield return new LogEntry(recorded, hidden);
            }

            if (read == 0)
            {
                yield break;
            }
        }
    }
}
