using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite;

/// <summary>
/// Keeps the write-ahead log from growing without end. SQLite's own checkpoints copy the log into the database but
/// can only start the log over when no reader is using it, and a server always has one (projections following $all,
/// view reads), so the log grew by every commit: hundreds of megabytes after a few thousand statements, with every
/// read searching an ever longer log index — the cost of one write grew with the record. Past a size, the writer that
/// has just committed, still holding the write turn, waits briefly for readers and truncates the log.
/// </summary>
internal static class SqliteWalLimit
{
    private const long MaxLogBytes = 32L * 1024 * 1024;

    // Readers hold a snapshot for milliseconds; a reader slower than this only means another try after a later commit.
    private const int ReaderWaitMilliseconds = 2_000;

    public static void AfterCommit(SqliteConnection connection)
    {
        var log = new FileInfo($"{connection.DataSource}-wal");
        if (!log.Exists || log.Length <= MaxLogBytes)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout={ReaderWaitMilliseconds}; PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
    }
}
