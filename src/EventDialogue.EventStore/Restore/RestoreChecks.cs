using System.Globalization;

namespace EventDialogue.EventStore.Restore;

/// <summary>
/// Checks each restored event, in order, against what came before it: positions strictly increasing, each stream's
/// revisions from 0 without gaps, ids unique, and the event itself as an append would check it.
/// </summary>
internal sealed class RestoreChecks
{
    private Position _previous = Position.Start;

    public Position Previous => _previous;

    public void Check(IReadOnlyList<RecordedEvent> batch, RestoreLookup stored)
    {
        var ids = new HashSet<Guid>(stored.TakenIds);
        var revisions = new Dictionary<string, long>(stored.LastRevisions, StringComparer.Ordinal);
        foreach (var e in batch)
        {
            CheckOne(e, ids, revisions);
            _previous = e.Position;
        }
    }

    private void CheckOne(RecordedEvent e, HashSet<Guid> ids, Dictionary<string, long> revisions)
    {
        var at = e.Position.Value;
        if (e.Position <= _previous)
        {
            throw new InvalidStoreRequestException(
                RestoreField.Of(at, "position"),
                _previous == Position.Start
                    ? "positions start at 1"
                    : string.Create(CultureInfo.InvariantCulture, $"positions must grow: the event before it is at position {_previous}"));
        }

        if (e.EventId == Guid.Empty)
        {
            throw new InvalidStoreRequestException(RestoreField.Of(at, "event_id"), "an event id is required (the empty UUID is not one)");
        }

        if (!ids.Add(e.EventId))
        {
            throw new InvalidStoreRequestException(RestoreField.Of(at, "event_id"), $"event id {e.EventId} is already taken by an earlier event");
        }

        if (e.Stream is null)
        {
            throw new InvalidStoreRequestException(RestoreField.Of(at, "stream"), "a stream name is required");
        }

        var expected = revisions.TryGetValue(e.Stream.Value, out var last) ? last + 1 : 0;
        if (e.Revision != expected)
        {
            throw new InvalidStoreRequestException(
                RestoreField.Of(at, "revision"),
                string.Create(CultureInfo.InvariantCulture, $"stream '{e.Stream}' continues at revision {expected} (each stream's revisions run from 0 without gaps), not {e.Revision}"));
        }

        revisions[e.Stream.Value] = e.Revision;
        EventTypeName.Validate(e.Type, RestoreField.Of(at, "type"));
        AppendValidation.ValidateData(e.Data, RestoreField.Of(at, "data"));
        AppendValidation.ValidateMetadata(e.Metadata, string.Create(CultureInfo.InvariantCulture, $"events[position {at}]"));
        if (e.RecordedAt < DateTimeOffset.UnixEpoch)
        {
            throw new InvalidStoreRequestException(RestoreField.Of(at, "recorded_at"), $"a recording time is after 1970-01-01; {e.RecordedAt:O} is not");
        }
    }
}
