namespace EventDialogue.EventStore.Sqlite.Views;

internal static class SqliteViewSchema
{
    // doc_id is the FTS5 rowid of the document's search text; an upsert keeps it stable.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS view_checkpoints (
            projection TEXT PRIMARY KEY,
            position   INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS view_documents (
            doc_id      INTEGER PRIMARY KEY AUTOINCREMENT,
            collection  TEXT NOT NULL,
            id          TEXT NOT NULL,
            json        TEXT NOT NULL,
            sort_key    TEXT NOT NULL,
            search_text TEXT,
            UNIQUE (collection, id)
        );
        CREATE INDEX IF NOT EXISTS view_documents_order ON view_documents (collection, sort_key, id);
        CREATE TABLE IF NOT EXISTS view_tags (
            collection TEXT NOT NULL,
            id         TEXT NOT NULL,
            name       TEXT NOT NULL,
            value      TEXT NOT NULL,
            PRIMARY KEY (collection, id, name, value)
        );
        CREATE INDEX IF NOT EXISTS view_tags_lookup ON view_tags (collection, name, value, id);
        CREATE VIRTUAL TABLE IF NOT EXISTS view_search USING fts5 (text, tokenize = 'porter unicode61');
        """;
}
