using EventDialogue.EventStore;
using EventDialogue.Server.Access;
using EventDialogue.Server.Api.History;
using Mediator;

namespace EventDialogue.Server.History.Entries;

/// <summary>One event of an entry's story with what it changed.</summary>
public sealed record EntryHistoryStep(RecordedEvent Event, IReadOnlyList<EntryFieldChange> Changes);

/// <summary>Every event of one stream with what each changed; retracted when the stream's first entry is.</summary>
public sealed record EntryHistory(StreamName Stream, IReadOnlyList<EntryHistoryStep> Steps, bool Retracted);

public sealed record GetEntryHistoryQuery(string Stream) : IQuery<EntryHistory>;

/// <summary>
/// Reads the whole stream from the store (not from a view, which keeps only how the entry now reads). A stream is the
/// story of one entry, tens of events, so it is read whole. An event the caller is not cleared to see is left out, and
/// the changes are those of the story without it.
/// </summary>
public sealed class GetEntryHistoryHandler(IEventStore store, ConfidentialEvents confidential) : IQueryHandler<GetEntryHistoryQuery, EntryHistory>
{
    public async ValueTask<EntryHistory> Handle(GetEntryHistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var stream = StreamName.Parse(query.Stream);
        confidential.RequireVisible(stream);
        var events = new List<RecordedEvent>();
        await foreach (var recorded in store.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.Start, int.MaxValue, cancellationToken))
        {
            if (!await confidential.HiddenAsync(recorded, cancellationToken))
            {
                events.Add(recorded);
            }
        }

        var facts = events.Select(HistoryEventMappings.ReadFact).ToList();
        var changes = EntryStory.Changes(facts);
        return new EntryHistory(stream, [.. events.Select((e, i) => new EntryHistoryStep(e, changes[i]))], EntryStory.IsRetracted(facts));
    }
}
