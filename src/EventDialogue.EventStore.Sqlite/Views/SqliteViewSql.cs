using System.Text;
using EventDialogue.Projections.Search;
using EventDialogue.Projections.Storage;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Sqlite.Views;

internal static class SqliteViewSql
{
    private const string Columns = "d.collection, d.id, d.json, d.sort_key, d.search_text, d.search_keywords";

    public static async Task<ViewDocument?> GetAsync(SqliteConnection connection, SqliteTransaction? transaction, string collection, string id, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM view_documents d WHERE d.collection = $c AND d.id = $id";
        command.Parameters.AddWithValue("$c", collection);
        command.Parameters.AddWithValue("$id", id);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Document(reader) : null;
    }

    public static async Task<IReadOnlyList<ViewDocument>> FindAsync(SqliteConnection connection, SqliteTransaction? transaction, string collection, IReadOnlyList<ViewTag> tags, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // CROSS JOIN makes SQLite start from the tag index: left to choose, it walked the whole collection in sort
        // order to avoid sorting the few documents found, so a lookup cost grew with the collection. Each document
        // found is then read by its rowid.
        command.CommandText = $"SELECT {Columns} FROM view_document_tags t0 CROSS JOIN view_documents d ON d.doc_id = t0.doc_id WHERE {TaggedWhere(command, collection, tags)} ORDER BY d.sort_key, d.id";
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<int> CountAsync(SqliteConnection connection, string collection, IReadOnlyList<ViewTag> tags, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM view_document_tags t0 WHERE {TaggedWhere(command, collection, tags)}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<ViewPage> ListAsync(SqliteConnection connection, ViewQuery query, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        var where = new StringBuilder("d.collection = $c");
        AddFilters(command, query, where);
        if (query.After is { } after)
        {
            where.Append(" AND (d.sort_key, d.id) > ($after_sort, $after_id)");
            command.Parameters.AddWithValue("$after_sort", after.SortKey);
            command.Parameters.AddWithValue("$after_id", after.Id);
        }

        command.CommandText = $"SELECT {Columns} FROM view_documents d WHERE {where} ORDER BY d.sort_key, d.id LIMIT $limit";
        command.Parameters.AddWithValue("$c", query.Collection);
        command.Parameters.AddWithValue("$limit", query.PageSize + 1);
        var documents = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        var page = documents.Take(query.PageSize).Select(d => new ViewHit(d)).ToList();
        var next = documents.Count > query.PageSize ? new ViewCursor(page[^1].Document.SortKey, page[^1].Document.Id, 0) : null;
        return new ViewPage(page, next);
    }

    /// <summary>
    /// Finds every document the query matches with FTS5 and reads of each only what our own code ranks it by, unless
    /// a ranking of the same search is kept under the checkpoints this snapshot sees; then reads the page's documents
    /// by id, in the same snapshot, for the page to be highlighted.
    /// </summary>
    public static async Task<ViewPage> SearchAsync(SqliteConnection connection, ViewQuery query, KeptRankings kept, CancellationToken cancellationToken)
    {
        var offset = query.After?.Offset ?? 0;
        using var snapshot = connection.BeginTransaction(deferred: true);
        var views = await ReadViewsAtAsync(connection, snapshot, cancellationToken).ConfigureAwait(false);
        var ranking = await kept.GetOrRankAsync(views, query, async () =>
            SearchRanking.RankAll(query.Search!, await ReadCandidatesAsync(connection, snapshot, query, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        var ranked = ranking.Page(query.PageSize, offset);
        var documents = await ReadByIdsAsync(connection, snapshot, query.Collection, ranked.Hits.Select(hit => hit.Id).ToList(), cancellationToken).ConfigureAwait(false);
        return SearchRanking.Page(query.Search!, ranked, documents, query.PageSize, offset);
    }

    /// <summary>The views' checkpoints and newest document row in the snapshot: its first read, so that the snapshot starts here.</summary>
    private static async Task<string> ReadViewsAtAsync(SqliteConnection connection, SqliteTransaction snapshot, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = $"SELECT projection, position FROM view_checkpoints UNION ALL SELECT '{KeptRankings.NewestDocument}', coalesce(max(doc_id), 0) FROM view_documents";
        var checkpoints = new List<(string, long)>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            checkpoints.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return KeptRankings.ViewsAt(checkpoints);
    }

    private static async Task<IReadOnlyList<SearchCandidate>> ReadCandidatesAsync(SqliteConnection connection, SqliteTransaction snapshot, ViewQuery query, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        var where = new StringBuilder("view_search MATCH $match AND d.collection = $c");
        AddFilters(command, query, where);
        command.CommandText = $"SELECT d.id, d.sort_key, view_search.terms FROM view_search JOIN view_documents d ON d.doc_id = view_search.rowid WHERE {where}";
        command.Parameters.AddWithValue("$match", Fts5Match.Of(query.Search!));
        command.Parameters.AddWithValue("$c", query.Collection);
        var candidates = new List<SearchCandidate>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            candidates.Add(new SearchCandidate(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return candidates;
    }

    private static async Task<IReadOnlyList<ViewDocument>> ReadByIdsAsync(SqliteConnection connection, SqliteTransaction snapshot, string collection, List<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        var names = new List<string>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"$id{i}");
            names.Add(name);
            command.Parameters.AddWithValue(name, ids[i]);
        }

        command.CommandText = $"SELECT {Columns} FROM view_documents d WHERE d.collection = $c AND d.id IN ({string.Join(", ", names)})";
        command.Parameters.AddWithValue("$c", collection);
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static void AddFilters(SqliteCommand command, ViewQuery query, StringBuilder where)
    {
        for (var i = 0; i < query.Filters.Count; i++)
        {
            where.Append(System.Globalization.CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM view_document_tags t WHERE t.doc_id = d.doc_id AND t.name = $fn{i} AND t.value = $fv{i})");
            command.Parameters.AddWithValue($"$fn{i}", query.Filters[i].Name);
            command.Parameters.AddWithValue($"$fv{i}", query.Filters[i].Value);
        }
    }

    /// <summary>
    /// The first tag's index entries (t0), kept when the same document also carries each other tag: every step a
    /// lookup in a tag index by the document's integer doc_id, none in the documents.
    /// </summary>
    private static string TaggedWhere(SqliteCommand command, string collection, IReadOnlyList<ViewTag> tags)
    {
        if (tags.Count == 0)
        {
            throw new ArgumentException("at least one tag is needed: the read starts from a tag's index entries", nameof(tags));
        }

        var where = new StringBuilder("t0.collection = $c AND t0.name = $fn0 AND t0.value = $fv0");
        command.Parameters.AddWithValue("$c", collection);
        for (var i = 0; i < tags.Count; i++)
        {
            if (i > 0)
            {
                where.Append(System.Globalization.CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM view_document_tags t WHERE t.doc_id = t0.doc_id AND t.name = $fn{i} AND t.value = $fv{i})");
            }

            command.Parameters.AddWithValue($"$fn{i}", tags[i].Name);
            command.Parameters.AddWithValue($"$fv{i}", tags[i].Value);
        }

        return where.ToString();
    }

    private static async Task<IReadOnlyList<ViewDocument>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var documents = new List<ViewDocument>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            documents.Add(Document(reader));
        }

        return documents;
    }

    private static ViewDocument Document(SqliteDataReader reader) =>
        ViewDocument.Stored(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), StoredKeywords.Read(reader.IsDBNull(5) ? null : reader.GetString(5)));
}
