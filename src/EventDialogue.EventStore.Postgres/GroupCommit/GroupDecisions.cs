using EventDialogue.EventStore.GroupCommit;
namespace EventDialogue.EventStore.Postgres.GroupCommit;

/// <summary>
/// Decides each append of a group, in the group's order, as the store decides a lone append (see
/// <see cref="IEventStore.AppendToStreamAsync"/>), from what the log held when the group's transaction took the append
/// lock, plus what the group's earlier appends will write: a stream written earlier in the group is at the revision
/// they leave it at.
/// </summary>
internal static class GroupDecisions
{
    /// <param name="group">The appends, in the order they are to be written.</param>
    /// <param name="stored">What the log holds for any of the group's event ids.</param>
    /// <param name="revisions">The last revision of each of the group's streams that has one.</param>
    public static List<AppendDecision> Decide(IReadOnlyList<PendingAppend> group, IReadOnlyDictionary<Guid, StoredEventIdentity> stored, IReadOnlyDictionary<string, long> revisions)
    {
        var current = new Dictionary<string, long>(revisions, StringComparer.Ordinal);
        var written = new HashSet<Guid>();
        var decisions = new List<AppendDecision>(group.Count);
        foreach (var append in group)
        {
            var decision = Decide(append, stored, current, written);
            if (decision is AppendDecision.Write write)
            {
                current[append.Stream.Value] = write.FirstRevision + append.Events.Count - 1;
                written.UnionWith(append.Events.Select(e => e.EventId));
            }

            decisions.Add(decision);
        }

        return decisions;
    }

    private static AppendDecision Decide(PendingAppend append, IReadOnlyDictionary<Guid, StoredEventIdentity> stored, Dictionary<string, long> current, HashSet<Guid> written)
    {
        var (stream, events) = (append.Stream, append.Events);
        if (events.Any(e => written.Contains(e.EventId)))
        {
            return new AppendDecision.Defer();
        }

        var ownStored = events.Select(e => stored.GetValueOrDefault(e.EventId)).OfType<StoredEventIdentity>().ToList();
        if (stored.ContainsKey(events[0].EventId))
        {
            try
            {
                return new AppendDecision.Repeat(IdempotentRetry.Match(stream, events, ownStored));
            }
            catch (DuplicateEventIdException ex)
            {
                return new AppendDecision.Refuse(ex);
            }
        }

        long? revision = current.TryGetValue(stream.Value, out var last) ? last : null;
        if (!append.Expected.IsSatisfiedBy(revision))
        {
            return new AppendDecision.Refuse(new WrongExpectedRevisionException(stream, append.Expected, revision));
        }

        if (ownStored.Count > 0)
        {
            var taken = ownStored[0];
            return new AppendDecision.Refuse(new DuplicateEventIdException(taken.EventId, $"it was appended to stream '{taken.Stream}' at revision {taken.Revision}, not as part of this append to '{stream}'"));
        }

        return new AppendDecision.Write((revision ?? -1) + 1);
    }
}
