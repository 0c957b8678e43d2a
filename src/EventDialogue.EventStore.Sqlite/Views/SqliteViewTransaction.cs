using EventDialogue.Projections.Search;
using EventDialogue.Projections.Storage;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite.Views;

internal sealed class SqliteViewTransaction(IReadOnlyList<string> projections, SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim writeGate) : IViewTransaction
{
    private readonly Dictionary<string, Position> _checkpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteStatement> _prepared = new(StringComparer.Ordinal);
    private readonly TagRows _tagRows = new();

    /// <summary>Read inside the transaction, which holds SQLite's write lock: no other writer can move them meanwhile.</summary>
    public IReadOnlyDictionary<string, Position> Checkpoints => _checkpoints;

    public void ReadCheckpoints(CancellationToken cancellationToken)
    {
        foreach (var projection in projections)
        {
            _checkpoints[projection] = Scalar("SELECT position FROM view_checkpoints WHERE projection = ?1", cancellationToken, projection) is long position
                ? new Position(position)
                : Position.Start;
        }
    }

    public Task<ViewDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        SqliteViewSql.GetAsync(connection, transaction, collection, id, cancellationToken);

    public Task<IReadOnlyList<ViewDocument>> FindAsync(string collection, ViewTag tag, CancellationToken cancellationToken = default) =>
        SqliteViewSql.FindAsync(connection, transaction, collection, [tag], cancellationToken);

    public Task PutAsync(ViewDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var docId = InsertNew(document, cancellationToken) ?? Replace(document, cancellationToken);
        if (_tagRows.Json(document.Tags) is { } tags)
        {
            Scalar(
                "INSERT INTO view_document_tags (doc_id, collection, name, value) SELECT ?1, ?2, tag.value ->> 0, tag.value ->> 1 FROM json_each(?3) AS tag",
                cancellationToken,
                docId,
                document.Collection,
                tags);
        }

        var terms = SearchTerms.IndexText(document.SearchText, document.SearchKeywords);
        if (!string.IsNullOrWhiteSpace(terms))
        {
            Scalar("INSERT INTO view_search (rowid, terms) VALUES (?1, ?2)", cancellationToken, docId, terms);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stores a document not stored yet, and returns its row; null when one with its key is stored. Most puts of a
    /// rebuild are of new documents, which have no tags or search row to drop first: doc_id is AUTOINCREMENT, so a new
    /// row never takes the number of a deleted one, and every delete drops the document's tags and search row with it.
    /// </summary>
    private long? InsertNew(ViewDocument document, CancellationToken cancellationToken) =>
        (long?)Scalar(
            """
            INSERT INTO view_documents (collection, id, json, sort_key, search_text, search_keywords) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (collection, id) DO NOTHING
            RETURNING doc_id
            """,
            cancellationToken,
            Columns(document));

    /// <summary>Rewrites a stored document in its row, and drops the tags and search row it had; returns the row.</summary>
    private long Replace(ViewDocument document, CancellationToken cancellationToken)
    {
        var docId = (long)Scalar(
            "UPDATE view_documents SET json = ?3, sort_key = ?4, search_text = ?5, search_keywords = ?6 WHERE collection = ?1 AND id = ?2 RETURNING doc_id",
            cancellationToken,
            Columns(document))!;
        Scalar("DELETE FROM view_document_tags WHERE doc_id = ?1", cancellationToken, docId);
        Scalar("DELETE FROM view_search WHERE rowid = ?1", cancellationToken, docId);
        return docId;
    }

    /// <summary>The values of the document's columns, in the order the two statements above number them.</summary>
    private static object?[] Columns(ViewDocument document) =>
        [document.Collection, document.Id, document.Json, document.SortKey, document.SearchText, StoredKeywords.Write(document.SearchKeywords)];

    public Task DeleteAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        Scalar("DELETE FROM view_search WHERE rowid = (SELECT doc_id FROM view_documents WHERE collection = ?1 AND id = ?2)", cancellationToken, collection, id);
        Scalar("DELETE FROM view_document_tags WHERE doc_id = (SELECT doc_id FROM view_documents WHERE collection = ?1 AND id = ?2)", cancellationToken, collection, id);
        Scalar("DELETE FROM view_documents WHERE collection = ?1 AND id = ?2", cancellationToken, collection, id);
        return Task.CompletedTask;
    }

    public async Task CommitAsync(IReadOnlyDictionary<string, Position> checkpoints, CancellationToken cancellationToken = default)
    {
        ViewTransactionProjections.CheckCommit(projections, checkpoints);
        foreach (var projection in projections)
        {
            Scalar(
                "INSERT INTO view_checkpoints (projection, position) VALUES (?1, ?2) ON CONFLICT (projection) DO UPDATE SET position = excluded.position",
                cancellationToken,
                projection,
                checkpoints[projection].Value);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        SqliteWalLimit.AfterCommit(connection);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var statement in _prepared.Values)
            {
                statement.Dispose();
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
    /// Runs one of the transaction's few statements with the values for its parameters in order. Each is prepared once
    /// per transaction and run again with new values: a batch writes thousands of documents with the same five or six
    /// statements, and preparing each anew cost more than running it.
    /// </summary>
    private object? Scalar(string sql, CancellationToken cancellationToken, params ReadOnlySpan<object?> values)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_prepared.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(connection, sql);
            _prepared.Add(sql, statement);
        }

        return statement.Run(values);
    }
}
