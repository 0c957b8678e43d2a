using EventDialogue.Projections.Search;
using EventDialogue.Projections.Storage;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite.Views;

/// <summary>
/// Views in an SQLite file, searched with FTS5 over our own search terms: a file of their own beside the events' (the
/// server's default), or the events' own file.
/// </summary>
public sealed partial class SqliteViewStore : IViewStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate;
    private readonly KeptRankings _rankings = new();

    private SqliteViewStore(string connectionString, SemaphoreSlim writeGate)
    {
        _connectionString = connectionString;
        _writeGate = writeGate;
    }

    /// <summary>
    /// Live appends' events gathered for a twentieth of a second into one view commit. Measured when the views shared
    /// the events' file, where every view commit held the write turn appends wait for: gathering let one statement per
    /// call record 1.3–2.3x as many a second, at half to two thirds of the server's CPU per statement (docs/benchmarks.md,
    /// "Live views gathered"). Measured again with the views in a file of their own, no gathering gave mixed results: a
    /// lower p99, more CPU per statement, rates within the spread (docs/benchmarks.md, "`$all` on PostgreSQL…", tried and
    /// not kept). A reader that waits for its write ends the gathering at once.
    /// </summary>
    public TimeSpan LiveGathering { get; } = TimeSpan.FromMilliseconds(50);

    public static SqliteViewStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        SqliteFolder.MakeFor(path);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA journal_mode=WAL;" + SqliteViewSchema.Create;
        command.ExecuteNonQuery();
        UpgradeSearch(connection);
        UpgradeTags(connection);
        return new SqliteViewStore(connectionString, SqliteWriteGate.For(path));
    }

    /// <summary>Brings an index written by an earlier version to the current format, in one transaction.</summary>
    private static void UpgradeSearch(SqliteConnection connection) =>
        Upgrade(connection, SqliteViewSchema.ReadSearchFormat, SqliteViewSchema.SearchFormat, command =>
        {
            command.CommandText = "SELECT count(*) FROM pragma_table_info('view_documents') WHERE name = 'search_keywords'";
            return SqliteViewSchema.UpgradeSearch(hasKeywordsColumn: (long)command.ExecuteScalar()! > 0);
        });

    /// <summary>Brings tags kept by an earlier version to the current layout, in one transaction, after the search's upgrade.</summary>
    private static void UpgradeTags(SqliteConnection connection) =>
        Upgrade(connection, SqliteViewSchema.ReadTagsFormat, SqliteViewSchema.TagsFormat, _ => SqliteViewSchema.UpgradeTags);

    /// <summary>Runs the upgrade unless the store records the current format; <paramref name="upgrade"/> may look at the store first.</summary>
    private static void Upgrade(SqliteConnection connection, string readFormat, int current, Func<SqliteCommand, string> upgrade)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = readFormat;
        if (command.ExecuteScalar() is long format && format == current)
        {
            return;
        }

        command.CommandText = upgrade(command);
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    public async Task<Position> ReadCheckpointAsync(string projection, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT position FROM view_checkpoints WHERE projection = $projection";
        command.Parameters.AddWithValue("$projection", projection);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long position ? new Position(position) : Position.Start;
    }

    public async Task<IViewTransaction> BeginAsync(IReadOnlyList<string> projections, CancellationToken cancellationToken = default)
    {
        var held = ViewTransactionProjections.Check(projections);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        SqliteConnection? connection = null;
        SqliteViewTransaction? began = null;
        try
        {
            connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await RelaxSyncAsync(connection, cancellationToken).ConfigureAwait(false);
            var transaction = connection.BeginTransaction(deferred: false);
            began = new SqliteViewTransaction(held, connection, transaction, _writeGate);
            began.ReadCheckpoints(cancellationToken);
            return began;
        }
        catch when (began is not null)
        {
            // the transaction owns the connection and the gate now, and gives both back
            await began.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            _writeGate.Release();
            throw;
        }
    }

    public async Task<ViewDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteViewSql.GetAsync(connection, null, collection, id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ViewPage> QueryAsync(ViewQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return query.Search is null
            ? await SqliteViewSql.ListAsync(connection, query, cancellationToken).ConfigureAwait(false)
            : await SqliteViewSql.SearchAsync(connection, query, _rankings, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ViewDocument>> FindAsync(string collection, IReadOnlyList<ViewTag> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteViewSql.FindAsync(connection, null, collection, tags, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountAsync(string collection, IReadOnlyList<ViewTag> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteViewSql.CountAsync(connection, collection, tags, cancellationToken).ConfigureAwait(false);
    }

    /// <remarks>SQLite answers in the process: the gain is one connection taken from the pool instead of one per read.</remarks>
    public async Task<ViewReadResults> ReadAsync(ViewReads reads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reads);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var gotten = new List<ViewDocument?>(reads.Gets.Count);
        foreach (var key in reads.Gets)
        {
            gotten.Add(await SqliteViewSql.GetAsync(connection, null, key.Collection, key.Id, cancellationToken).ConfigureAwait(false));
        }

        var found = new List<IReadOnlyList<ViewDocument>>(reads.Finds.Count);
        foreach (var find in reads.Finds)
        {
            found.Add(await SqliteViewSql.FindAsync(connection, null, find.Collection, find.Tags, cancellationToken).ConfigureAwait(false));
        }

        var counted = new List<int>(reads.Counts.Count);
        foreach (var count in reads.Counts)
        {
            counted.Add(await SqliteViewSql.CountAsync(connection, count.Collection, count.Tags, cancellationToken).ConfigureAwait(false));
        }

        return new ViewReadResults(gotten, found, counted);
    }

    public async Task ResetAsync(string projection, IReadOnlyList<string> collections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collections);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ResetUnderGateAsync(projection, collections, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task ResetUnderGateAsync(string projection, IReadOnlyList<string> collections, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        await DropAsync(connection, transaction, collections, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM view_checkpoints WHERE projection = $c", projection, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Position> ReplaceWithFreshCopyAsync(string projection, IReadOnlyList<string> collections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collections);
        var copy = FreshCopy.Of(projection);
        var copies = collections.Select(FreshCopy.Of).ToList();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction(deferred: false);
            var built = await ReadCheckpointAsync(connection, transaction, copy, cancellationToken).ConfigureAwait(false);
            var view = await ReadCheckpointAsync(connection, transaction, projection, cancellationToken).ConfigureAwait(false);
            if (built < view)
            {
                throw new FreshCopyBehindException(projection, built, view);
            }

            await DropAsync(connection, transaction, collections, cancellationToken).ConfigureAwait(false);
            using (var checkpoint = connection.CreateCommand())
            {
                checkpoint.Transaction = transaction;
                checkpoint.CommandText = """
                    INSERT INTO view_checkpoints (projection, position) VALUES ($p, $position)
                        ON CONFLICT (projection) DO UPDATE SET position = excluded.position;
                    DELETE FROM view_checkpoints WHERE projection = $copy;
                    """;
                checkpoint.Parameters.AddWithValue("$p", projection);
                checkpoint.Parameters.AddWithValue("$position", built.Value);
                checkpoint.Parameters.AddWithValue("$copy", copy);
                await checkpoint.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // the documents keep their doc_id, so their search rows and tags still point at them: only the names move
            for (var i = 0; i < collections.Count; i++)
            {
                using var rename = connection.CreateCommand();
                rename.Transaction = transaction;
                rename.CommandText = """
                    UPDATE view_documents SET collection = $to WHERE collection = $from;
                    UPDATE view_document_tags SET collection = $to WHERE collection = $from;
                    """;
                rename.Parameters.AddWithValue("$from", copies[i]);
                rename.Parameters.AddWithValue("$to", collections[i]);
                await rename.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return built;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static async Task<Position> ReadCheckpointAsync(SqliteConnection connection, SqliteTransaction transaction, string projection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT position FROM view_checkpoints WHERE projection = $p";
        command.Parameters.AddWithValue("$p", projection);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long position ? new Position(position) : Position.Start;
    }

    /// <summary>Drops the documents of the collections, with their tags and search rows.</summary>
    private static async Task DropAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> collections, CancellationToken cancellationToken)
    {
        foreach (var collection in collections)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM view_search WHERE rowid IN (SELECT doc_id FROM view_documents WHERE collection = $c)", collection, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM view_document_tags WHERE collection = $c", collection, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM view_documents WHERE collection = $c", collection, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A view commit does not wait for the disk. In WAL mode a commit is still atomic with synchronous=NORMAL: a power
    /// loss can only take the last commits away whole, views and checkpoint together, and the projection then applies
    /// those events again. The events a view commit applied were synced before it (appends use synchronous=FULL, and a
    /// projection reads only committed events, whichever file the views are in), so a view can never survive the events
    /// it came from. Syncing every view commit cost one disk flush per projection per event.
    /// </summary>
    private static async Task RelaxSyncAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A connection that reads the file through memory mapping (<see cref="MappedBytes"/>): a read that visits rows all
    /// over a large store (a search's matches, a round's links) then finds each page in the operating system's cache
    /// without a system call per page, and without a copy in every pooled connection's own page cache. The full-text
    /// search at a million events took a sixth less time with it (docs/benchmarks.md). Writes still go through SQLite's
    /// own writes, as without it.
    /// <para>
    /// Its temporary data stays in memory (temp_store=MEMORY). A view transaction writes thousands of documents, and
    /// SQLite keeps each statement's undo pages in a statement journal: once one statement's outgrew 64 KiB, the journal
    /// became a temporary file for the rest of the transaction, and every later statement wrote its pages there, a
    /// system call each (about 100 MB in six seconds of batched recording, more than the views' and the events' own
    /// files together). In memory, views caught up 1.6–2.6x sooner after bursts of batches and rebuilt 1.2x as fast
    /// (docs/benchmarks.md). A statement journal holds the pages one statement changes, a sort the rows one read
    /// returns: no more than the documents such a statement or read handles anyway.
    /// </para>
    /// </summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA mmap_size={MappedBytes}; PRAGMA temp_store=MEMORY";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>How much of the file a connection maps: the first gigabyte, a million events' store and its views.</summary>
    private const long MappedBytes = 1L << 30;

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, string value, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$c", value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

}
