namespace EventDialogue.EventStore;

/// <summary>What a backend knows of a stored event when deciding whether an append is a retry.</summary>
public sealed record StoredEventIdentity(Guid EventId, string Stream, long Revision, Position Position, string Type, string Data);

/// <summary>
/// Decides whether an append whose first event id is already stored is a retry of an earlier append.
/// A retry must match that append exactly: the same ids, in the same order, at consecutive revisions of the same
/// stream, with the same types and data. Unlike EventStoreDB, which only remembers recent ids in a cache, the ids
/// live in the store, so this holds after a restart and however long ago the first append was.
/// </summary>
public static class IdempotentRetry
{
    /// <param name="stream">The stream the retry targets.</param>
    /// <param name="events">The events of the retry.</param>
    /// <param name="stored">Whatever the store holds for the retry's event ids, in any order.</param>
    /// <returns>The result of the first append.</returns>
    /// <exception cref="DuplicateEventIdException">The batch is not an exact retry.</exception>
    public static AppendResult Match(StreamName stream, IReadOnlyList<EventData> events, IReadOnlyCollection<StoredEventIdentity> stored)
    {
        var byId = stored.ToDictionary(s => s.EventId);
        var first = byId.GetValueOrDefault(events[0].EventId)
            ?? throw new InvalidOperationException("the first event id is not stored: this is not a retry");
        StoredEventIdentity? last = null;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (!byId.TryGetValue(e.EventId, out var s))
            {
                throw new DuplicateEventIdException(events[0].EventId, $"the append only partly repeats an earlier one: event {i} ({e.EventId}) was not part of it");
            }

            if (!string.Equals(s.Stream, stream.Value, StringComparison.Ordinal))
            {
                throw new DuplicateEventIdException(e.EventId, $"it was appended to stream '{s.Stream}', not '{stream}'");
            }

            if (s.Revision != first.Revision + i)
            {
                throw new DuplicateEventIdException(e.EventId, $"the append repeats an earlier one in a different order or only in part (stored at revision {s.Revision})");
            }

            if (!string.Equals(s.Type, e.Type, StringComparison.Ordinal) || !string.Equals(s.Data, e.Data, StringComparison.Ordinal))
            {
                throw new DuplicateEventIdException(e.EventId, "it was stored with a different type or data; a retry must send the same event");
            }

            last = s;
        }

        return new AppendResult(stream, last!.Revision, last.Position);
    }
}
