using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite.Views;

public sealed partial class SqliteViewStore
{
    /// <summary>
    /// The views' own file beside the events' file (data/eventdialogue.sqlite: data/eventdialogue.views.sqlite). A file
    /// of their own, so that writing views never holds the lock an append waits for: SQLite lets one writer at a time
    /// into a file, and with the views in the events' file every append queued behind their commits
    /// (docs/benchmarks.md, "The views in a file of their own").
    /// </summary>
    public static string FileBeside(string eventsPath) => Path.ChangeExtension(eventsPath, ".views.sqlite");

    /// <summary>
    /// Drops every view unless it can have been built from the log it is about to follow, so that the projections build
    /// them again from its start. Views in a file of their own can outlive the events' file: a log replaced by another,
    /// or put back from an older copy, would leave views of events it does not hold, and checkpoints past its head
    /// would skip the events appended next. So the views record the id of the log they follow
    /// (<see cref="SqliteEventStore.LogId"/>), and are kept only when it is this log's and no checkpoint is past its head.
    /// Views with checkpoints but no record (built by another program before anything recorded the log) cannot be
    /// checked, and are built again. Call it before the views follow the log; empty views just record the log.
    /// </summary>
    /// <param name="logId">The id of the log the views are about to follow.</param>
    /// <param name="readHead">
    /// Reads the log's head. It is read once the views' file is locked, so that no other process's projection can
    /// move a checkpoint past it meanwhile (a checkpoint only ever moves to a position the log already holds).
    /// </param>
    /// <returns>True when views were dropped.</returns>
    public async Task<bool> DropUnlessBuiltFromAsync(string logId, Func<CancellationToken, Task<Position>> readHead, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(logId);
        ArgumentNullException.ThrowIfNull(readHead);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT (SELECT log_id FROM view_log), (SELECT coalesce(max(position), 0) FROM view_checkpoints)";
            string? builtFrom;
            long furthest;
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                builtFrom = reader.IsDBNull(0) ? null : reader.GetString(0);
                furthest = reader.GetInt64(1);
            }

            var dropped = furthest > 0 && (builtFrom != logId || furthest > (await readHead(cancellationToken).ConfigureAwait(false)).Value);
            command.CommandText = (dropped ? SqliteViewSchema.DropAll : string.Empty)
                + "INSERT INTO view_log (one, log_id) VALUES (1, $log) ON CONFLICT (one) DO UPDATE SET log_id = excluded.log_id;";
            command.Parameters.AddWithValue("$log", logId);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return dropped;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Drops the view tables from a file that held them beside the events before the views had a file of their own;
    /// the events and everything else in it are left as they are. Nothing happens when the file has none.
    /// </summary>
    public static void DropViewsFrom(string eventsPath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = eventsPath, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 60 }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name LIKE 'view\\_%' ESCAPE '\\'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        command.Transaction = transaction;
        command.CommandText = SqliteViewSchema.DropTables;
        command.ExecuteNonQuery();
        transaction.Commit();
    }
}
