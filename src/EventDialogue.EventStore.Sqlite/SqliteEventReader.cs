using System.Data.Common;

namespace EventDialogue.EventStore.Sqlite;

internal static class SqliteEventReader
{
    /// <summary>Reads a row selected with <see cref="SqliteSchema.Columns"/>.</summary>
    public static RecordedEvent Read(DbDataReader reader) => new(
        EventId: reader.GetGuid(1),
        Type: reader.GetString(4),
        Stream: StreamName.FromStorage(reader.GetString(2)),
        Revision: reader.GetInt64(3),
        Position: new Position(reader.GetInt64(0)),
        RecordedAt: UnixMicroseconds.ToDateTimeOffset(reader.GetInt64(7)),
        Data: reader.GetString(5),
        Metadata: EventMetadataJson.Deserialize(reader.GetString(6)));
}
