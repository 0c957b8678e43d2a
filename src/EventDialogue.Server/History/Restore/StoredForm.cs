using System.Globalization;
using EventDialogue.Api.V1;
using EventDialogue.EventStore;
using EventDialogue.EventStore.Restore;

namespace EventDialogue.Server.History.Restore;

/// <summary>
/// An exported event back in the form the store keeps. Its source and amendment are left out: they were lifted out of
/// the data, which is restored as it was.
/// </summary>
internal static class StoredForm
{
    public static RecordedEvent Of(HistoryEvent exported)
    {
        var position = exported.Position;
        if (exported.Redacted)
        {
            // Exported by a principal not cleared for confidential entries: the event's content is not in the file.
            throw new InvalidStoreRequestException(
                RestoreField.Of(position, "redacted"),
                "the event is redacted (exported by a principal not cleared for confidential entries), so it cannot be restored: export with a cleared key");
        }

        return new RecordedEvent(
            EventIdOf(exported, position),
            exported.Type,
            StreamOf(exported, position),
            exported.Revision,
            new Position(position),
            RecordedAtOf(exported, position),
            exported.Data,
            new EventMetadata(
                exported.RecordedBy,
                exported.CorrelationId,
                OrNull(exported.CausationId),
                exported.SchemaVersion,
                OrNull(exported.RequestFingerprint)));
    }

    private static Guid EventIdOf(HistoryEvent exported, long position) =>
        Guid.TryParseExact(exported.EventId, "D", out var id)
            ? id
            : throw new InvalidStoreRequestException(
                RestoreField.Of(position, "event_id"),
                string.Create(CultureInfo.InvariantCulture, $"'{exported.EventId}' is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)"));

    private static DateTimeOffset RecordedAtOf(HistoryEvent exported, long position)
    {
        var field = RestoreField.Of(position, "recorded_at");
        try
        {
            return exported.RecordedAt?.ToDateTimeOffset() ?? throw new InvalidStoreRequestException(field, "a recording time is required");
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidStoreRequestException(field, $"not a time: {e.Message}");
        }
    }

    private static StreamName StreamOf(HistoryEvent exported, long position)
    {
        try
        {
            return StreamName.Parse(exported.Stream);
        }
        catch (InvalidStoreRequestException e)
        {
            throw new InvalidStoreRequestException(RestoreField.Of(position, "stream"), e.Reason);
        }
    }

    // The export writes an absent value as an empty string; the store never holds a blank one.
    private static string? OrNull(string value) => value.Length == 0 ? null : value;
}
