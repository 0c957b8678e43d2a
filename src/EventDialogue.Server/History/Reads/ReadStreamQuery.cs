using System.Runtime.CompilerServices;
using EventDialogue.EventStore;
using EventDialogue.Server.Access;
using Mediator;

namespace EventDialogue.Server.History.Reads;

/// <param name="Stream">The stream's name.</param>
/// <param name="Backwards">From newer to older.</param>
/// <param name="FromRevision">The first revision read (inclusive); backwards, 0 means the stream's last.</param>
/// <param name="FromEnd">Backwards from the stream's last revision, whatever <paramref name="FromRevision"/> says.</param>
/// <param name="MaxCount">At most this many events; 0 for all.</param>
public sealed record ReadStreamQuery(string Stream, bool Backwards, long FromRevision, bool FromEnd, long MaxCount) : IStreamQuery<RecordedEvent>;

/// <summary>
/// One stream's events as the store reads them, a chunk at a time, each handed on as the caller asks for it; an event
/// the caller is not cleared to see is left out, and max_count counts only what it sees.
/// </summary>
public sealed class ReadStreamHandler(IEventStore store, ConfidentialEvents confidential) : IStreamQueryHandler<ReadStreamQuery, RecordedEvent>
{
    // A stream read is one statement; reading it in pages keeps what is held to a page however long the stream.
    private const int Page = 500;

    public async IAsyncEnumerable<RecordedEvent> Handle(ReadStreamQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var arguments = new ReadArguments();
        StreamName? stream = null;
        try
        {
            stream = StreamName.Parse(query.Stream);
        }
        catch (InvalidStoreRequestException e)
        {
            arguments.Add("stream", e.Reason);
        }

        if (query.FromRevision < 0)
        {
            arguments.Add("from_revision", $"a revision is 0 or more; {query.FromRevision} is negative");
        }

        var left = arguments.MaxCount(query.MaxCount);
        arguments.ThrowIfAnyBad();

        confidential.RequireVisible(stream!);
        var direction = query.Backwards ? Direction.Backwards : Direction.Forwards;
        var from = query.Backwards && (query.FromEnd || query.FromRevision == 0) ? StreamRevision.End : StreamRevision.At(query.FromRevision);
        while (left > 0)
        {
            var read = 0;
            var last = -1L;
            var asked = Math.Min(left, Page);
            await foreach (var recorded in store.ReadStreamAsync(stream!, direction, from, asked, cancellationToken))
            {
                read++;
                last = recorded.Revision;
                if (!await confidential.HiddenAsync(recorded, cancellationToken))
                {
                    left--;
                    yield return recorded;
                }
            }

            if (read < asked || (query.Backwards && last == 0))
            {
                yield break;
            }

            from = StreamRevision.At(query.Backwards ? last - 1 : last + 1);
        }
    }
}
