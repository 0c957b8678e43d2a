using Npgsql;

namespace EventDialogue.EventStore.Postgres;

/// <summary>
/// The pool of the connections that answer reads: the log's (a stream, an event, a revision, a chunk of <c>$all</c>, the
/// head) in the event store, and the views' (a document, a page, a search, a checkpoint) in the view store; each store
/// has a pool of its own. Their connections are not reset when they go back to it (<c>No Reset On Close</c>) and
/// they prepare the reads they repeat (<c>Max Auto Prepare</c>), so that a read is one round trip that PostgreSQL
/// neither parses nor plans again. Nothing here needs the reset: a read is a single <c>SELECT</c> outside any explicit
/// transaction, or, for a search, a read-only snapshot that its own batches begin and commit (should a search end
/// between them, the driver rolls the open transaction back when the connection comes back, reset or not); so a read
/// leaves no transaction open, takes no session lock, sets no setting, creates no temporary table and listens on
/// nothing; every name it uses is qualified with the schema, so no session's <c>search_path</c> could change what it
/// reads. The only session state these connections keep is the prepared reads themselves, which hold no data. The
/// projections' transactions, the tree's and checkpoints' reads, the restore, the schema's creation and the resets keep
/// the driver's default pool.
/// </summary>
internal static class PostgresReadConnections
{
    /// <summary>
    /// More than the distinct reads either store sends (the log's: a stream either way, an event, events, revisions, the
    /// head, <c>$all</c> backwards and forwards with each combination of filter kinds; the views': a get, a list or a
    /// search with zero to a few tag filters, with or without a cursor, a checkpoint), so that none is pushed out by another.
    /// </summary>
    private const int PreparedReads = 64;

    public static NpgsqlDataSource DataSource(string connectionString) => PostgresKeptSessions.DataSource(connectionString, PreparedReads);
}
