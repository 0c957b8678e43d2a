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
        var stored = new Stored(document, _tagRows.Json(document.Tags));
        if (InsertNew(stored, cancellationToken) is { } docId)
        {
            AddTags(docId, stored, cancellationToken);
            AddSearch(docId, document, cancellationToken);
        }
        else
        {
            Replace(stored, cancellationToken);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stores a document not stored yet, and returns its row; null when one with its key is stored. Most puts of a
    /// rebuild are of new documents, which have no tags or search row to drop first: doc_id is AUTOINCREMENT, so a new
    /// row never takes the number of a deleted one, and every delete drops the document's tags and search row with it.
    /// </summary>
    private long? InsertNew(Stored stored, CancellationToken cancellationToken) =>
        (long?)Scalar(
            """
            INSERT INTO view_documents (collection, id, json, sort_key, search_text, search_keywords, tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (collection, id) DO NOTHING
            RETURNING doc_id
            """,
            cancellationToken,
            stored.Columns);

    /// <summary>
    /// Rewrites a stored document in its row. Its tag rows change only where its tags did (a document written again
    /// mostly keeps them all), and its search row only when its search text or keywords did.
    /// </summary>
    private void Replace(Stored stored, CancellationToken cancellationToken)
    {
        Span<long> row = stackalloc long[3];
        Row(
            row,
            "SELECT doc_id, tags IS NOT ?3, search_text IS NOT ?4 OR search_keywords IS NOT ?5 FROM view_documents WHERE collection = ?1 AND id = ?2",
            cancellationToken,
            stored.Document.Collection,
            stored.Document.Id,
            stored.Tags,
            stored.Document.SearchText,
            stored.Keywords);
        var (docId, tagsChanged, searchChanged) = (row[0], row[1] != 0, row[2] != 0);
        if (tagsChanged)
        {
            // the tags it loses, read from the row before it is rewritten; the ones it keeps stay as they are
            Scalar(
                """
                DELETE FROM view_document_tags WHERE collection = ?1 AND doc_id = ?2 AND (name, value) IN (
                    SELECT old.value ->> 0, old.value ->> 1 FROM json_each((SELECT tags FROM view_documents WHERE doc_id = ?2)) AS old
                    WHERE NOT EXISTS (SELECT 1 FROM json_each(?3) AS new WHERE new.value ->> 0 = old.value ->> 0 AND new.value ->> 1 = old.value ->> 1))
                """,
                cancellationToken,
                stored.Document.Collection,
                docId,
                stored.Tags);
        }

        Scalar(
            "UPDATE view_documents SET json = ?2, sort_key = ?3, search_text = ?4, search_keywords = ?5, tags = ?6 WHERE doc_id = ?1",
            cancellationToken,
            docId,
            stored.Document.Json,
            stored.Document.SortKey,
            stored.Document.SearchText,
            stored.Keywords,
            stored.Tags);
        if (tagsChanged)
        {
            AddTags(docId, stored, cancellationToken);
        }

        if (searchChanged)
        {
            Scalar("DELETE FROM view_search WHERE rowid = ?1", cancellationToken, docId);
            AddSearch(docId, stored.Document, cancellationToken);
        }
    }

    /// <summary>The document's tags as rows; one it has already (a replace's kept tag) is left as it is.</summary>
    private void AddTags(long docId, Stored stored, CancellationToken cancellationToken)
    {
        if (stored.Tags is not null)
        {
            Scalar(
                "INSERT OR IGNORE INTO view_document_tags (collection, name, value, doc_id) SELECT ?1, tag.value ->> 0, tag.value ->> 1, ?2 FROM json_each(?3) AS tag",
                cancellationToken,
                stored.Document.Collection,
                docId,
                stored.Tags);
        }
    }

    private void AddSearch(long docId, ViewDocument document, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.IndexText(document.SearchText, document.SearchKeywords);
        if (!string.IsNullOrWhiteSpace(terms))
        {
            Scalar("INSERT INTO view_search (rowid, terms) VALUES (?1, ?2)", cancellationToken, docId, terms);
        }
    }

    /// <summary>A document as its row keeps it: its tags as <see cref="TagRows"/> writes them, its keywords as stored.</summary>
    private sealed record Stored(ViewDocument Document, string? Tags)
    {
        public object Keywords { get; } = StoredKeywords.Write(Document.SearchKeywords);

        /// <summary>The values of the row's columns, in the order <see cref="InsertNew"/> numbers them.</summary>
        public object?[] Columns => [Document.Collection, Document.Id, Document.Json, Document.SortKey, Document.SearchText, Keywords, Tags];
    }

    public Task DeleteAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        Scalar("DELETE FROM view_search WHERE rowid = (SELECT doc_id FROM view_documents WHERE collection = ?1 AND id = ?2)", cancellationToken, collection, id);
        Scalar(
            """
            DELETE FROM view_document_tags WHERE collection = ?1 AND doc_id = (SELECT doc_id FROM view_documents WHERE collection = ?1 AND id = ?2) AND (name, value) IN (
                SELECT tag.value ->> 0, tag.value ->> 1 FROM json_each((SELECT tags FROM view_documents WHERE collection = ?1 AND id = ?2)) AS tag)
            """,
            cancellationToken,
            collection,
            id);
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
    private object? Scalar(string sql, CancellationToken cancellationToken, params ReadOnlySpan<object?> values) =>
        Prepared(sql, cancellationToken).Run(values);

    /// <summary>Runs a prepared statement (as <see cref="Scalar"/>) for the integers of its one row; the row must be there.</summary>
    private void Row(Span<long> columns, string sql, CancellationToken cancellationToken, params ReadOnlySpan<object?> values)
    {
        if (!Prepared(sql, cancellationToken).RunForRow(columns, values))
        {
            throw new InvalidOperationException($"a stored view row was not found by: {sql}");
        }
    }

    private SqliteStatement Prepared(string sql, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_prepared.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(connection, sql);
            _prepared.Add(sql, statement);
        }

        return statement;
    }
}
