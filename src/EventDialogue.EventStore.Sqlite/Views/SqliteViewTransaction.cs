using EventDialogue.Projections.Search;
using EventDialogue.Projections.Storage;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite.Views;

internal sealed class SqliteViewTransaction(IReadOnlyList<string> projections, SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim writeGate) : IViewTransaction
{
    private readonly Dictionary<string, Position> _checkpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly TagRows _tagRows = new();

    /// <summary>Read inside the transaction, which holds SQLite's write lock: no other writer can move them meanwhile.</summary>
    public IReadOnlyDictionary<string, Position> Checkpoints => _checkpoints;

    public async Task ReadCheckpointsAsync(CancellationToken cancellationToken)
    {
        foreach (var projection in projections)
        {
            _checkpoints[projection] = await Scalar("SELECT position FROM view_checkpoints WHERE projection = $p", cancellationToken, ("$p", projection)).ConfigureAwait(false) is long position
                ? new Position(position)
                : Position.Start;
        }
    }

    public Task<ViewDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        SqliteViewSql.GetAsync(connection, transaction, collection, id, cancellationToken);

    public Task<IReadOnlyList<ViewDocument>> FindAsync(string collection, ViewTag tag, CancellationToken cancellationToken = default) =>
        SqliteViewSql.FindAsync(connection, transaction, collection, [tag], cancellationToken);

    public async Task PutAsync(ViewDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var docId = await InsertNewAsync(document, cancellationToken).ConfigureAwait(false) ?? await ReplaceAsync(document, cancellationToken).ConfigureAwait(false);
        if (_tagRows.Json(document.Tags) is { } tags)
        {
            await Scalar(
                "INSERT INTO view_document_tags (doc_id, collection, name, value) SELECT $doc, $c, tag.value ->> 0, tag.value ->> 1 FROM json_each($tags) AS tag",
                cancellationToken,
                ("$doc", docId),
                ("$c", document.Collection),
                ("$tags", tags)).ConfigureAwait(false);
        }

        var terms = SearchTerms.IndexText(document.SearchText, document.SearchKeywords);
        if (!string.IsNullOrWhiteSpace(terms))
        {
            await Scalar("INSERT INTO view_search (rowid, terms) VALUES ($doc, $terms)", cancellationToken, ("$doc", docId), ("$terms", terms)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stores a document not stored yet, and returns its row; null when one with its key is stored. Most puts of a
    /// rebuild are of new documents, which have no tags or search row to drop first: doc_id is AUTOINCREMENT, so a new
    /// row never takes the number of a deleted one, and every delete drops the document's tags and search row with it.
    /// </summary>
    private async Task<long?> InsertNewAsync(ViewDocument document, CancellationToken cancellationToken) =>
        await Scalar(
            """
            INSERT INTO view_documents (collection, id, json, sort_key, search_text, search_keywords) VALUES ($c, $id, $json, $sort, $search, $keywords)
            ON CONFLICT (collection, id) DO NOTHING
            RETURNING doc_id
            """,
            cancellationToken,
            Columns(document)).ConfigureAwait(false) as long?;

    private static (string Name, object Value)[] Columns(ViewDocument document) =>
        [("$c", document.Collection), ("$id", document.Id), ("$json", document.Json), ("$sort", document.SortKey), ("$search", (object?)document.SearchText ?? DBNull.Value), ("$keywords", StoredKeywords.Write(document.SearchKeywords))];

    /// <summary>Rewrites a stored document in its row, and drops the tags and search row it had; returns the row.</summary>
    private async Task<long> ReplaceAsync(ViewDocument document, CancellationToken cancellationToken)
    {
        var docId = (long)(await Scalar(
            "UPDATE view_documents SET json = $json, sort_key = $sort, search_text = $search, search_keywords = $keywords WHERE collection = $c AND id = $id RETURNING doc_id",
            cancellationToken,
            Columns(document)).ConfigureAwait(false))!;
        await Scalar("DELETE FROM view_document_tags WHERE doc_id = $doc", cancellationToken, ("$doc", docId)).ConfigureAwait(false);
        await Scalar("DELETE FROM view_search WHERE rowid = $doc", cancellationToken, ("$doc", docId)).ConfigureAwait(false);
        return docId;
    }

    public async Task DeleteAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        await Scalar("DELETE FROM view_search WHERE rowid = (SELECT doc_id FROM view_documents WHERE collection = $c AND id = $id)", cancellationToken, ("$c", collection), ("$id", id)).ConfigureAwait(false);
        await Scalar("DELETE FROM view_document_tags WHERE doc_id = (SELECT doc_id FROM view_documents WHERE collection = $c AND id = $id)", cancellationToken, ("$c", collection), ("$id", id)).ConfigureAwait(false);
        await Scalar("DELETE FROM view_documents WHERE collection = $c AND id = $id", cancellationToken, ("$c", collection), ("$id", id)).ConfigureAwait(false);
    }

    public async Task CommitAsync(IReadOnlyDictionary<string, Position> checkpoints, CancellationToken cancellationToken = default)
    {
        ViewTransactionProjections.CheckCommit(projections, checkpoints);
        foreach (var projection in projections)
        {
            await Scalar(
                "INSERT INTO view_checkpoints (projection, position) VALUES ($p, $pos) ON CONFLICT (projection) DO UPDATE SET position = excluded.position",
                cancellationToken,
                ("$p", projection),
                ("$pos", checkpoints[projection].Value)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        SqliteWalLimit.AfterCommit(connection);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var command in _prepared.Values)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }

            await transaction.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>
    /// Runs one of the transaction's few statements. Each is prepared once per transaction and run again with new
    /// values: a batch writes thousands of documents with the same five or six statements, and preparing each anew
    /// cost more than running it.
    /// </summary>
    private async Task<object?> Scalar(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _prepared.Add(sql, command);
        }

        // by position, as added above: looking a parameter up by name compares it with each in turn
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters[i].Value = parameters[i].Value;
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
