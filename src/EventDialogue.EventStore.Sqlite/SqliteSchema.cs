namespace EventDialogue.EventStore.Sqlite;

internal static class SqliteSchema
{
    // 2: the log's Merkle tree beside the events (built for the events of a version 1 file when it is opened).
    public const int Version = 2;

    // The tree (see ILogTree): tree_leaves holds level 0 (leaf i is the i-th event in position order), tree_subtrees
    // the perfect subtrees of level 1 and up; rows of both are inserted once, in the transaction of the append that
    // completes them, and never updated.
    // AUTOINCREMENT: a position is never reused, even for the row of a rolled-back append.
    // recorded_at: microseconds since the Unix epoch, UTC (the precision PostgreSQL keeps too).
    // log_identity: one row, a random id given to the log when its file is first opened (see SqliteEventStore.LogId).
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
        CREATE TABLE IF NOT EXISTS tree_leaves (
            leaf_index  INTEGER PRIMARY KEY,
            position    INTEGER NOT NULL UNIQUE,
            hash        BLOB    NOT NULL
        );
        CREATE TABLE IF NOT EXISTS tree_subtrees (
            level       INTEGER NOT NULL,
            subtree     INTEGER NOT NULL,
            hash        BLOB    NOT NULL,
            PRIMARY KEY (level, subtree)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS log_identity (
            one         INTEGER PRIMARY KEY CHECK (one = 1),
            id          TEXT    NOT NULL
        );
        CREATE TABLE IF NOT EXISTS tree_checkpoints (
            tree_size   INTEGER PRIMARY KEY,
            signed_note TEXT    NOT NULL,
            signed_at   INTEGER NOT NULL
        );
        """;

    public const string Columns = "position, event_id, stream, revision, type, data, metadata, recorded_at";
}
