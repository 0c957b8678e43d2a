using System.Runtime.CompilerServices;
using EventDialogue.EventStore;
using EventDialogue.EventStore.Subscriptions;

namespace EventDialogue.Server.Recording.Checking;

/// <summary>
/// The store as it would be after some appends that are only pretended: reads of a stream see its recorded events
/// then the pending ones, appends check the expected revision against both and are kept in memory. Nothing reaches
/// the recorded store. Reads of $all see only what is recorded; decisions do not read it.
/// <para>
/// Each recorded stream is read once and kept: this store is one call's snapshot (a check, or a batch's decisions,
/// whose appends carry the revisions they were decided on, so that a stream that moved on meanwhile refuses them).
/// </para>
/// </summary>
internal sealed class PendingEventStore(IEventStore recorded) : IEventStore
{
    private readonly Dictionary<StreamName, List<RecordedEvent>> _pending = [];
    private readonly Dictionary<Guid, RecordedEvent> _pendingById = [];
    private readonly Dictionary<StreamName, List<RecordedEvent>> _recordedStreams = [];
    private readonly Dictionary<StreamName, long?> _recordedRevisions = [];
    private readonly Dictionary<Guid, RecordedEvent?> _recordedById = [];
    private readonly List<PendingStreamAppend> _appends = [];
    private long? _lastPosition;

    /// <summary>The appends made here, in order, each with the expectation it was made under and its pretended result.</summary>
    public IReadOnlyList<PendingStreamAppend> Appends => _appends;

    /// <summary>
    /// Looks up at once what a run of decisions will ask one at a time: which of these events are recorded (a batch's
    /// requests, by their first event ids) and which of these streams exist (the streams its commands write and name),
    /// in one lookup of the store, whatever the number of commands. A stream found to exist is still read when a
    /// decision needs its events, and then only up to the revision found here, so that every answer is of one moment.
    /// </summary>
    public async Task LookUpAheadAsync(IReadOnlyCollection<Guid> eventIds, IReadOnlyCollection<StreamName> streams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(streams);
        var lookup = await recorded.LookUpAsync(eventIds, streams, cancellationToken);
        var events = lookup.Events.ToDictionary(e => e.EventId);
        foreach (var id in eventIds)
        {
            _recordedById[id] = events.GetValueOrDefault(id);
        }

        foreach (var stream in streams)
        {
            _recordedRevisions[stream] = lookup.Revisions.TryGetValue(stream, out var revision) ? revision : null;
        }
    }

    public async Task<AppendResult> AppendToStreamAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        var current = await GetStreamRevisionAsync(stream, cancellationToken);
        if (!expected.IsSatisfiedBy(current))
        {
            throw new WrongExpectedRevisionException(stream, expected, current);
        }

        var position = _lastPosition ?? (await recorded.ReadHeadPositionAsync(cancellationToken)).Value;
        if (!_pending.TryGetValue(stream, out var pending))
        {
            _pending[stream] = pending = [];
        }

        var revision = current ?? -1;
        foreach (var e in events)
        {
            var recordedEvent = new RecordedEvent(e.EventId, e.Type, stream, ++revision, new Position(++position), DateTimeOffset.UtcNow, e.Data, e.Metadata);
            pending.Add(recordedEvent);
            _pendingById[e.EventId] = recordedEvent;
        }

        _lastPosition = position;
        var result = new AppendResult(stream, revision, new Position(position));
        _appends.Add(new PendingStreamAppend(new StreamAppend(stream, expected, events), result));
        return result;
    }

    /// <summary>Never called: decisions append to one stream at a time, and a batch appends its kept appends to the real store.</summary>
    public Task<IReadOnlyList<AppendResult>> AppendToStreamsAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("pending appends are made one stream at a time; the real store appends them together");

    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(
        StreamName stream, Direction direction, StreamRevision from, int maxCount = int.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var all = await ReadWholeStreamAsync(stream, cancellationToken);
        var chosen = direction == Direction.Forwards
            ? all.Where(e => e.Revision >= from.Value)
            : all.AsEnumerable().Reverse().Where(e => e.Revision <= from.Value);
        foreach (var e in chosen.Take(maxCount))
        {
            yield return e;
        }
    }

    public async Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        if (_pendingById.TryGetValue(eventId, out var pending))
        {
            return pending;
        }

        if (!_recordedById.TryGetValue(eventId, out var known))
        {
            _recordedById[eventId] = known = await recorded.ReadEventAsync(eventId, cancellationToken);
        }

        return known;
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var found = new List<RecordedEvent>();
        foreach (var id in eventIds.Distinct())
        {
            if (await ReadEventAsync(id, cancellationToken) is { } e)
            {
                found.Add(e);
            }
        }

        return [.. found.OrderBy(e => e.Position.Value)];
    }

    /// <summary>
    /// The pending revision, else the recorded one: from the stream if it was read, else as looked up (once; a stream's
    /// existence is one small read, not a read of all its events).
    /// </summary>
    public async Task<long?> GetStreamRevisionAsync(StreamName stream, CancellationToken cancellationToken = default)
    {
        if (_pending.TryGetValue(stream, out var pending) && pending.Count > 0)
        {
            return pending[^1].Revision;
        }

        if (_recordedStreams.TryGetValue(stream, out var events))
        {
            return events.Count > 0 ? events[^1].Revision : null;
        }

        if (!_recordedRevisions.TryGetValue(stream, out var revision))
        {
            _recordedRevisions[stream] = revision = await recorded.GetStreamRevisionAsync(stream, cancellationToken);
        }

        return revision;
    }

    public async Task<IReadOnlyDictionary<StreamName, long>> GetStreamRevisionsAsync(IReadOnlyCollection<StreamName> streams, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var revisions = new Dictionary<StreamName, long>();
        foreach (var stream in streams.Distinct())
        {
            if (await GetStreamRevisionAsync(stream, cancellationToken) is { } revision)
            {
                revisions[stream] = revision;
            }
        }

        return revisions;
    }

    public async Task<StoreLookup> LookUpAsync(IReadOnlyCollection<Guid> eventIds, IReadOnlyCollection<StreamName> streams, CancellationToken cancellationToken = default)
    {
        var revisions = await GetStreamRevisionsAsync(streams, cancellationToken);
        return new StoreLookup(await ReadEventsAsync(eventIds, cancellationToken), revisions);
    }

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(Position after, AllFilter filter, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        recorded.ReadAllAsync(after, filter, maxCount, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadAllBackwardsAsync(Position before, AllFilter filter, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        recorded.ReadAllBackwardsAsync(before, filter, maxCount, cancellationToken);

    public Task<Position> ReadHeadPositionAsync(CancellationToken cancellationToken = default) => recorded.ReadHeadPositionAsync(cancellationToken);

    public IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(Position after, AllFilter filter, CancellationToken cancellationToken = default) =>
        recorded.SubscribeToAllAsync(after, filter, cancellationToken);

    public IAsyncEnumerable<FollowStep> FollowAllAsync(Position after, AllFilter filter, CancellationToken cancellationToken = default) =>
        recorded.FollowAllAsync(after, filter, cancellationToken);

    /// <summary>The recorded store belongs to the server, not to this view of it.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<List<RecordedEvent>> ReadWholeStreamAsync(StreamName stream, CancellationToken cancellationToken)
    {
        var events = await ReadRecordedStreamAsync(stream, cancellationToken);
        if (events.Count == 0 && !_pending.ContainsKey(stream))
        {
            throw new StreamNotFoundException(stream);
        }

        return [.. events, .. _pending.GetValueOrDefault(stream) ?? []];
    }

    /// <summary>
    /// The stream as recorded when this store first read it (up to the revision looked up, if it was); empty when it
    /// did not exist, without a read when that was looked up.
    /// </summary>
    private async Task<List<RecordedEvent>> ReadRecordedStreamAsync(StreamName stream, CancellationToken cancellationToken)
    {
        if (_recordedStreams.TryGetValue(stream, out var known))
        {
            return known;
        }

        var events = new List<RecordedEvent>();
        var lookedUp = _recordedRevisions.TryGetValue(stream, out var last);
        if (!lookedUp || last is not null)
        {
            try
            {
                await foreach (var e in recorded.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.Start, int.MaxValue, cancellationToken))
                {
                    // what was appended since the look-up is not of this snapshot (the appends made here expect the revision looked up)
                    if (lookedUp && e.Revision > last)
                    {
                        break;
                    }

                    events.Add(e);
                }
            }
            catch (StreamNotFoundException)
            {
                // recorded nowhere yet
            }
        }

        _recordedStreams[stream] = events;
        return events;
    }
}

/// <summary>An append made to a <see cref="PendingEventStore"/>: what to append for real, and what it pretended to return.</summary>
internal sealed record PendingStreamAppend(StreamAppend Append, AppendResult PendingResult);
