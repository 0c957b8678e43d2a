namespace EventDialogue.EventStore.Sqlite;

internal static class SqliteSchema
{
    public const int Version = 1;

    // AUTOINCREMENT: a position is never reused, even for the row of a rolled-back append.
    // recorded_at: microseconds since the Unix epoch, UTC (the precision PostgreSQL keeps too).
    public const string Create = """
        CREATE TABLE IF NOT EXISTS events (
            position     INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id     BLOB    NOT NULL UNIQUE,
            stream       TEXT    NOT NULL,
            category     TEXT    NOT NULL,
            revision     INTEGER NOT NULL,
            type         TEXT    NOT NULL,
            data         TEXT    NOT NULL,
            metadata     TEXT    NOT NULL,
            recorded_at  INTEGER NOT NULL,
            UNIQUE (stream, revision)
        );
        CREATE INDEX IF NOT EXISTS events_by_category ON events (category, position);
        CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
        """;

    public const string Columns = "position, event_id, stream, revision, type, data, metadata, recorded_at";
}
