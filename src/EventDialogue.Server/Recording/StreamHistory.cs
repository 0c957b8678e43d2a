using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;
using EventDialogue.EventStore;

namespace EventDialogue.Server.Recording;

/// <summary>
/// An entity's streams read back for a decision: the facts of both its streams (its own and, for a case, its companion
/// for facts in confidence) in the order recorded, for the decider to fold (so corrections and retractions count and a
/// raising in confidence is a raising), and each stream's revision.
/// </summary>
public sealed record StreamHistory(IReadOnlyList<EntityFact> Facts, StreamName Home, long? HomeRevision, StreamName? Companion, long? CompanionRevision)
{
    /// <summary>
    /// The streams of the entity <paramref name="stream"/> belongs to, known from its name alone: its own, and its
    /// companion for facts in confidence if it has one.
    /// </summary>
    public static IReadOnlyList<StreamName> EntityStreams(StreamName stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var home = StreamName.FromStorage(Domain.Common.Streams.HomeOf(stream.Value));
        return Domain.Common.Streams.HasConfidentialCompanion(home.Value)
            ? [home, StreamName.FromStorage(Domain.Common.Streams.ConfidentialCompanion(home.Value))]
            : [home];
    }

    /// <summary>The revision of the stream an append goes to: null when it was never written.</summary>
    public long? RevisionOf(StreamName stream) => stream == Home ? HomeRevision : CompanionRevision;

    /// <param name="stream">The command's stream: the entity's own or its companion (a correction of an entry in confidence).</param>
    /// <param name="existing">The streams known to exist (at least the entity's that do): one not among them is new, and not read.</param>
    /// <param name="parsed">Where a run of decisions keeps the facts it parsed (a batch's); null parses every event read.</param>
    public static async Task<StreamHistory> LoadAsync(IEventStore store, StreamName stream, IReadOnlyDictionary<StreamName, long> existing, ParsedFacts? parsed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var streams = EntityStreams(stream);
        var (home, companion) = (streams[0], streams.Count > 1 ? streams[1] : null);
        var own = existing.ContainsKey(home) ? await ReadAsync(store, home, cancellationToken) : [];
        var kept = companion is null || !existing.ContainsKey(companion) ? [] : await ReadAsync(store, companion, cancellationToken);

        // In the order recorded: a decision about one stream may rest on what the other held before it.
        Func<RecordedEvent, IDomainEvent> parse = parsed is null ? ParsedFacts.Parse : parsed.Of;
        var facts = own.Select(r => (r.Position, Fact: new EntityFact(false, parse(r))))
            .Concat(kept.Select(r => (r.Position, Fact: new EntityFact(true, parse(r)))))
            .OrderBy(f => f.Position.Value)
            .Select(f => f.Fact)
            .ToList();
        return new StreamHistory(facts, home, LastRevision(own), companion, LastRevision(kept));
    }

    private static long? LastRevision(List<RecordedEvent> events) => events.Count == 0 ? null : events[^1].Revision;

    private static async Task<List<RecordedEvent>> ReadAsync(IEventStore store, StreamName stream, CancellationToken cancellationToken)
    {
        var events = new List<RecordedEvent>();
        try
        {
            await foreach (var recorded in store.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.Start, int.MaxValue, cancellationToken))
            {
                events.Add(recorded);
            }
        }
        catch (StreamNotFoundException)
        {
            // a new stream: nothing in it yet
        }

        return events;
    }
}
