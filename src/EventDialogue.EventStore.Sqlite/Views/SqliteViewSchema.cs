namespace EventDialogue.EventStore.Sqlite.Views;

internal static class SqliteViewSchema
{
    // doc_id is the FTS5 rowid of the document's search text and the key its tags point at; an upsert keeps it stable.
    // A tag is found by (collection, name, value) and checked on a document by (doc_id, name, value): a find's
    // further tags are integer-key lookups and its documents are read by rowid (see TagsFormat).
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
            search_keywords TEXT,
            UNIQUE (collection, id)
        );
        CREATE INDEX IF NOT EXISTS view_documents_order ON view_documents (collection, sort_key, id);
        CREATE TABLE IF NOT EXISTS view_document_tags (
            doc_id     INTEGER NOT NULL,
            collection TEXT NOT NULL,
            name       TEXT NOT NULL,
            value      TEXT NOT NULL,
            PRIMARY KEY (doc_id, name, value)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS view_document_tags_lookup ON view_document_tags (collection, name, value, doc_id);
        CREATE TABLE IF NOT EXISTS view_formats (
            name    TEXT PRIMARY KEY,
            version INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS view_log (
            one    INTEGER PRIMARY KEY CHECK (one = 1),
            log_id TEXT NOT NULL
        );
        """;

    /// <summary>Every view and checkpoint, for views that were built from another log than the one they follow now.</summary>
    public const string DropAll = """
        DELETE FROM view_search;
        DELETE FROM view_document_tags;
        DELETE FROM view_documents;
        DELETE FROM view_checkpoints;
        DELETE FROM view_log;
        """;

    /// <summary>The view tables, dropped from the events' file once the views have a file of their own.</summary>
    public const string DropTables = """
        DROP TABLE IF EXISTS view_search;
        DROP TABLE IF EXISTS view_document_tags;
        DROP TABLE IF EXISTS view_documents;
        DROP TABLE IF EXISTS view_checkpoints;
        DROP TABLE IF EXISTS view_formats;
        DROP TABLE IF EXISTS view_log;
        """;

    /// <summary>
    /// The search index as this version writes it: our own terms (<see cref="Projections.Search.SearchTerms"/>), one
    /// ASCII word each, so the tokenizer only splits on spaces and neither stems nor drops anything. A store whose
    /// recorded format differs (or has none: before it, the index held the raw text, porter-stemmed) is upgraded by
    /// <see cref="UpgradeSearch"/>.
    /// </summary>
    public const int SearchFormat = 2;

    public const string ReadSearchFormat = "SELECT version FROM view_formats WHERE name = 'search'";

    /// <summary>
    /// Rebuilds the index in the current format and drops every view with its checkpoint, so that the projections
    /// build all views again from the log on start, writing their search terms the current way. Views only, all of
    /// them: a projection also keeps the history it folds in its views, which a half-dropped view would repeat.
    /// </summary>
    public static string UpgradeSearch(bool hasKeywordsColumn) => $"""
        {(hasKeywordsColumn ? string.Empty : "ALTER TABLE view_documents ADD COLUMN search_keywords TEXT;")}
        DROP TABLE IF EXISTS view_search;
        CREATE VIRTUAL TABLE view_search USING fts5 (terms, tokenize = 'unicode61');
        DELETE FROM view_document_tags;
        DELETE FROM view_documents;
        DELETE FROM view_checkpoints;
        INSERT INTO view_formats (name, version) VALUES ('search', {SearchFormat})
            ON CONFLICT (name) DO UPDATE SET version = excluded.version;
        """;

    /// <summary>
    /// The tags as this version keeps them: in view_document_tags, keyed by the document's integer doc_id. Before it
    /// (format 1, never recorded), view_tags keyed them by the document's (collection, id) text, so a find probed a
    /// text key per further tag per candidate and read each document by text key: 64% of a GetRound went there.
    /// A store with another format is upgraded by <see cref="UpgradeTags"/>.
    /// </summary>
    public const int TagsFormat = 2;

    public const string ReadTagsFormat = "SELECT version FROM view_formats WHERE name = 'tags'";

    /// <summary>
    /// Drops the former tag table and every view with its checkpoint, so that the projections build all views again
    /// from the log on start, tags and all. All views, for the reason <see cref="UpgradeSearch"/> gives.
    /// </summary>
    public static readonly string UpgradeTags = $"""
        DROP TABLE IF EXISTS view_tags;
        DELETE FROM view_search;
        DELETE FROM view_document_tags;
        DELETE FROM view_documents;
        DELETE FROM view_checkpoints;
        INSERT INTO view_formats (name, version) VALUES ('tags', {TagsFormat})
            ON CONFLICT (name) DO UPDATE SET version = excluded.version;
        """;
}
