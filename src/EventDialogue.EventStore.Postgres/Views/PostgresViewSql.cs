using System.Text;
using EventDialogue.Projections.Search;
using EventDialogue.Projections.Storage;
using Npgsql;

namespace EventDialogue.EventStore.Postgres.Views;

internal sealed class PostgresViewSql
{
    private const string Columns = "d.collection, d.id, d.json, d.sort_key, d.search_text, d.search_keywords";
    private readonly string _documents;
    private readonly string _tags;
    private readonly string _get;
    private readonly string _getMany;

    public PostgresViewSql(PostgresSchema schema)
    {
        Schema = schema;
        var s = $"\"{schema.Name}\"";
        _documents = $"{s}.view_documents";
        _tags = $"{s}.view_document_tags";
        _get = $"SELECT {Columns} FROM {_documents} d WHERE d.collection = $1 AND d.id = $2";
        _getMany = $"SELECT {Columns} FROM {_documents} d WHERE d.collection = $1 AND d.id = ANY($2)";
        Create = $"""
            CREATE SCHEMA IF NOT EXISTS {s};
            CREATE TABLE IF NOT EXISTS {s}.view_checkpoints (
                projection text PRIMARY KEY,
                position   bigint NOT NULL
            );
            CREATE TABLE IF NOT EXISTS {_documents} (
                doc_id      bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                collection  text NOT NULL,
                id          text NOT NULL,
                json        text NOT NULL,
                sort_key    text NOT NULL,
                search_text text,
                search_keywords text,
                PRIMARY KEY (collection, id)
            );
            CREATE INDEX IF NOT EXISTS view_documents_order ON {_documents} (collection, sort_key COLLATE "C", id COLLATE "C");
            CREATE TABLE IF NOT EXISTS {s}.view_formats (
                name    text PRIMARY KEY,
                version integer NOT NULL
            );
            CREATE TABLE IF NOT EXISTS {_tags} (
                doc_id     bigint NOT NULL,
                collection text NOT NULL,
                name       text NOT NULL,
                value      text NOT NULL,
                PRIMARY KEY (doc_id, name, value)
            );
            CREATE INDEX IF NOT EXISTS view_document_tags_lookup ON {_tags} (collection, name, value, doc_id);
            """;
        ReadSearchFormat = $"SELECT version FROM {s}.view_formats WHERE name = 'search'";
        UpgradeSearch = $"""
            ALTER TABLE {_documents} ADD COLUMN IF NOT EXISTS search_keywords text;
            ALTER TABLE {_documents} DROP COLUMN IF EXISTS search;
            ALTER TABLE {_documents} ADD COLUMN search tsvector;
            CREATE INDEX view_documents_search ON {_documents} USING gin (search);
            DELETE FROM {_tags};
            DELETE FROM {_documents};
            DELETE FROM {s}.view_checkpoints;
            INSERT INTO {s}.view_formats (name, version) VALUES ('search', {SearchFormat})
                ON CONFLICT (name) DO UPDATE SET version = excluded.version;
            """;
        ReadTagsFormat = $"SELECT version FROM {s}.view_formats WHERE name = 'tags'";
        UpgradeTags = $"""
            DROP TABLE IF EXISTS {s}.view_tags;
            DELETE FROM {_tags};
            DELETE FROM {_documents};
            DELETE FROM {s}.view_checkpoints;
            ALTER TABLE {_documents} ADD COLUMN IF NOT EXISTS doc_id bigint GENERATED ALWAYS AS IDENTITY UNIQUE;
            INSERT INTO {s}.view_formats (name, version) VALUES ('tags', {TagsFormat})
                ON CONFLICT (name) DO UPDATE SET version = excluded.version;
            """;
        ReadCheckpoint = $"SELECT position FROM {s}.view_checkpoints WHERE projection = $1";
        ReadCheckpoints = $"SELECT projection, position FROM {s}.view_checkpoints";
        ReadViewsAt = $"{ReadCheckpoints} UNION ALL SELECT '{KeptRankings.NewestDocument}', coalesce(max(doc_id), 0) FROM {_documents}";
        ClaimCheckpoint = $"INSERT INTO {s}.view_checkpoints (projection, position) VALUES ($1, 0) ON CONFLICT (projection) DO NOTHING";
        LockCheckpoint = $"SELECT position FROM {s}.view_checkpoints WHERE projection = $1 FOR UPDATE";
        SaveCheckpoint = $"INSERT INTO {s}.view_checkpoints (projection, position) VALUES ($1, $2) ON CONFLICT (projection) DO UPDATE SET position = excluded.position";
        UpsertMany = $"""
            WITH upserted AS (
                INSERT INTO {_documents} (collection, id, json, sort_key, search_text, search_keywords, search)
                SELECT u.c, u.i, u.j, u.s, u.st, u.sk, to_tsvector('simple', u.t)
                FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(c, i, j, s, st, sk, t)
                ON CONFLICT (collection, id) DO UPDATE SET json = excluded.json, sort_key = excluded.sort_key, search_text = excluded.search_text,
                    search_keywords = excluded.search_keywords, search = excluded.search
                RETURNING doc_id, collection, id)
            INSERT INTO {_tags} (doc_id, collection, name, value)
            SELECT up.doc_id, t.c, t.n, t.v FROM unnest($8::text[], $9::text[], $10::text[], $11::text[]) AS t(c, i, n, v)
            JOIN upserted up ON up.collection = t.c AND up.id = t.i
            ON CONFLICT DO NOTHING
            """;
        DeleteTagsMany = $"DELETE FROM {_tags} t USING unnest($1::text[], $2::text[]) AS u(c, i), {_documents} d WHERE d.collection = u.c AND d.id = u.i AND t.doc_id = d.doc_id";
        DeleteMany = $"DELETE FROM {_documents} d USING unnest($1::text[], $2::text[]) AS u(c, i) WHERE d.collection = u.c AND d.id = u.i";
        ResetCollections =
        [
            $"DELETE FROM {_tags} WHERE collection = ANY($1)",
            $"DELETE FROM {_documents} WHERE collection = ANY($1)",
        ];
        ResetCheckpoint = $"DELETE FROM {s}.view_checkpoints WHERE projection = $1";
        RenameCollections =
        [
            $"UPDATE {_documents} d SET collection = m.name FROM unnest($1::text[], $2::text[]) AS m(copy, name) WHERE d.collection = m.copy",
            $"UPDATE {_tags} t SET collection = m.name FROM unnest($1::text[], $2::text[]) AS m(copy, name) WHERE t.collection = m.copy",
        ];
    }

    /// <summary>
    /// The search index as this version writes it: a tsvector of our own terms
    /// (<see cref="Projections.Search.SearchTerms"/>) under the 'simple' configuration, which neither stems nor drops
    /// stop words, so it indexes exactly the terms SQLite does. Before it, the index was the raw text under 'english'.
    /// </summary>
    public const int SearchFormat = 2;

    /// <summary>
    /// The tags as this version keeps them: in view_document_tags, keyed by the document's integer doc_id (unique in
    /// view_documents). Before it (format 1, never recorded), view_tags keyed them by the document's (collection, id)
    /// text. A store with another format is upgraded by <see cref="UpgradeTags"/>.
    /// </summary>
    public const int TagsFormat = 2;

    public PostgresSchema Schema { get; }

    public string ReadTagsFormat { get; }

    /// <summary>
    /// Drops the former tag table and every view with its checkpoint (and gives the documents their doc_id), so that
    /// the projections build all views again from the log, tags and all. All views, for the reason
    /// <see cref="UpgradeSearch"/> gives.
    /// </summary>
    public string UpgradeTags { get; }

    public string ReadSearchFormat { get; }

    /// <summary>
    /// Rebuilds the index column in the current format and drops every view with its checkpoint, so that the
    /// projections build all views again from the log, writing their search terms the current way. All views: a
    /// projection also keeps the history it folds in its views, which a half-dropped view would repeat.
    /// </summary>
    public string UpgradeSearch { get; }

    public string Create { get; }

    public string ReadCheckpoints { get; }

    /// <summary>The checkpoints and the newest document row, what a search's kept ranking is checked against (<see cref="KeptRankings"/>).</summary>
    private string ReadViewsAt { get; }

    /// <summary>Makes sure the projection's checkpoint row exists, so that even its first transaction can lock it.</summary>
    public string ClaimCheckpoint { get; }

    /// <summary>Reads the checkpoint and holds its row until the transaction ends.</summary>
    public string LockCheckpoint { get; }

    public string ReadCheckpoint { get; }

    public string SaveCheckpoint { get; }

    /// <summary>
    /// Upserts many documents (no two with the same key) and inserts their tags in one statement, from parallel
    /// arrays: the tags take each document's doc_id from the upsert's own answer, not from a lookup per tag.
    /// </summary>
    public string UpsertMany { get; }

    public string DeleteTagsMany { get; }

    public string DeleteMany { get; }

    public IReadOnlyList<string> ResetCollections { get; }

    public string ResetCheckpoint { get; }

    /// <summary>Gives the documents of the collections named first ($1) the names given second ($2), with their tags.</summary>
    public IReadOnlyList<string> RenameCollections { get; }

    public async Task<ViewDocument?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string collection, string id, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(_get, connection, transaction);
        AddKey(command.Parameters, collection, id);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Document(reader) : null;
    }

    public async Task<IReadOnlyList<ViewDocument>> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string collection, IReadOnlyList<ViewTag> tags, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.CommandText = FindSql(command.Parameters, collection, tags);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        return await ReadDocumentsAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountAsync(NpgsqlConnection connection, string collection, IReadOnlyList<ViewTag> tags, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = CountSql(command.Parameters, collection, tags);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The gets, then the finds, then the counts, as one batch: PostgreSQL receives every statement in one round trip
    /// and sends every result back in one, instead of one round trip (and one connection) per read.
    /// </summary>
    public async Task<ViewReadResults> ReadAsync(NpgsqlConnection connection, ViewReads reads, CancellationToken cancellationToken)
    {
        using var batch = new NpgsqlBatch(connection);

        // one statement per collection for all its keys: a page's worth of gets costs one index probe each, not one
        // statement each
        var getCollections = reads.Gets.Select(k => k.Collection).Distinct(StringComparer.Ordinal).ToList();
        foreach (var collection in getCollections)
        {
            var command = new NpgsqlBatchCommand(_getMany);
            command.Parameters.Add(new NpgsqlParameter { Value = collection });
            command.Parameters.Add(new NpgsqlParameter { Value = reads.Gets.Where(k => k.Collection == collection).Select(k => k.Id).Distinct(StringComparer.Ordinal).ToArray() });
            batch.BatchCommands.Add(command);
        }

        foreach (var find in reads.Finds)
        {
            var command = new NpgsqlBatchCommand();
            command.CommandText = FindSql(command.Parameters, find.Collection, find.Tags);
            batch.BatchCommands.Add(command);
        }

        foreach (var count in reads.Counts)
        {
            var command = new NpgsqlBatchCommand();
            command.CommandText = CountSql(command.Parameters, count.Collection, count.Tags);
            batch.BatchCommands.Add(command);
        }

        var gottenByKey = new Dictionary<ViewKey, ViewDocument>();
        var found = new List<IReadOnlyList<ViewDocument>>(reads.Finds.Count);
        var counted = new List<int>(reads.Counts.Count);
        if (batch.BatchCommands.Count == 0)
        {
            return new ViewReadResults([], found, counted);
        }

        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            for (var result = 0; result < batch.BatchCommands.Count; result++)
            {
                if (result > 0)
                {
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }

                if (result < getCollections.Count)
                {
                    foreach (var document in await ReadDocumentsAsync(reader, cancellationToken).ConfigureAwait(false))
                    {
                        gottenByKey[new ViewKey(document.Collection, document.Id)] = document;
                    }
                }
                else if (result < getCollections.Count + reads.Finds.Count)
                {
                    found.Add(await ReadDocumentsAsync(reader, cancellationToken).ConfigureAwait(false));
                }
                else
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    counted.Add(checked((int)reader.GetInt64(0)));
                }
            }
        }

        return new ViewReadResults([.. reads.Gets.Select(key => gottenByKey.GetValueOrDefault(key))], found, counted);
    }

    public async Task<ViewPage> ListAsync(NpgsqlConnection connection, ViewQuery query, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand { Connection = connection };
        var where = new StringBuilder("d.collection = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = query.Collection });
        command.Parameters.Add(new NpgsqlParameter { Value = query.PageSize + 1 });
        AddFilters(command.Parameters, query, where);
        if (query.After is { } after)
        {
            // byte order (COLLATE "C"), the same order SQLite uses, so both backends page alike
            where.Append(System.Globalization.CultureInfo.InvariantCulture, $" AND (d.sort_key COLLATE \"C\", d.id COLLATE \"C\") > (${command.Parameters.Count + 1}, ${command.Parameters.Count + 2})");
            command.Parameters.Add(new NpgsqlParameter { Value = after.SortKey });
            command.Parameters.Add(new NpgsqlParameter { Value = after.Id });
        }

        command.CommandText = $"SELECT {Columns} FROM {_documents} d WHERE {where} ORDER BY d.sort_key COLLATE \"C\", d.id COLLATE \"C\" LIMIT $2";
        var documents = new List<ViewDocument>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                documents.Add(Document(reader));
            }
        }

        var page = documents.Take(query.PageSize).Select(d => new ViewHit(d)).ToList();
        return new ViewPage(page, documents.Count > query.PageSize ? new ViewCursor(page[^1].Document.SortKey, page[^1].Document.Id, 0) : null);
    }

    /// <summary>
    /// Finds every document the query matches with a tsquery and reads of each only what our own code ranks it by,
    /// unless a ranking of the same search is kept under the checkpoints this snapshot sees; then reads the page's
    /// documents by id, in the same snapshot, for the page to be highlighted. Two round trips for a kept ranking,
    /// three otherwise: the snapshot's BEGIN goes with the read of the checkpoints and its COMMIT with the last read.
    /// </summary>
    /// <remarks>
    /// BEGIN and COMMIT are sent as statements of the batches rather than through an NpgsqlTransaction, whose commit
    /// would be a round trip more. Should the last batch never run, Npgsql rolls the snapshot back when the
    /// connection goes back to its pool.
    /// </remarks>
    public async Task<ViewPage> SearchAsync(NpgsqlConnection connection, ViewQuery query, KeptRankings kept, CancellationToken cancellationToken)
    {
        var offset = query.After?.Offset ?? 0;
        var views = await BeginAtViewsAsync(connection, cancellationToken).ConfigureAwait(false);
        var ranking = await kept.GetOrRankAsync(views, query, async () =>
            SearchRanking.RankAll(query.Search!, await ReadCandidatesAsync(connection, query, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        var ranked = ranking.Page(query.PageSize, offset);
        var documents = await ReadByIdsAsync(connection, query.Collection, [.. ranked.Hits.Select(hit => hit.Id)], cancellationToken).ConfigureAwait(false);
        return SearchRanking.Page(query.Search!, ranked, documents, query.PageSize, offset);
    }

    /// <summary>Begins the search's snapshot and reads the views' checkpoints and newest document row in it.</summary>
    private async Task<string> BeginAtViewsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(ReadViewsAt));
        var checkpoints = new List<(string, long)>();
        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                checkpoints.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        return KeptRankings.ViewsAt(checkpoints);
    }

    private async Task<IReadOnlyList<SearchCandidate>> ReadCandidatesAsync(NpgsqlConnection connection, ViewQuery query, CancellationToken cancellationToken)
    {
        using var read = new NpgsqlCommand(null, connection);
        var where = new StringBuilder("d.collection = $1 AND d.search @@ $2::tsquery");
        read.Parameters.Add(new NpgsqlParameter { Value = query.Collection });
        read.Parameters.Add(new NpgsqlParameter { Value = TsQuery.Of(query.Search!) });
        AddFilters(read.Parameters, query, where);
        read.CommandText = $"SELECT d.id, d.sort_key, d.search_text, d.search_keywords FROM {_documents} d WHERE {where}";
        var candidates = new List<SearchCandidate>();
        var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // the index holds these terms as a tsvector, which keeps neither their order nor the boundaries, so they are made again here
                candidates.Add(new SearchCandidate(reader.GetString(0), reader.GetString(1), SearchTerms.IndexText(reader.IsDBNull(2) ? null : reader.GetString(2), StoredKeywords.Read(reader.IsDBNull(3) ? null : reader.GetString(3)))));
            }
        }

        return candidates;
    }

    private async Task<IReadOnlyList<ViewDocument>> ReadByIdsAsync(NpgsqlConnection connection, string collection, string[] ids, CancellationToken cancellationToken)
    {
        using var batch = new NpgsqlBatch(connection);
        var read = new NpgsqlBatchCommand(_getMany);
        read.Parameters.Add(new NpgsqlParameter { Value = collection });
        read.Parameters.Add(new NpgsqlParameter { Value = ids });
        batch.BatchCommands.Add(read);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var documents = await ReadDocumentsAsync(reader, cancellationToken).ConfigureAwait(false);

        // the COMMIT's completion, so that the snapshot has ended before the connection is given back
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return documents;
    }

    private static void AddKey(NpgsqlParameterCollection parameters, string collection, string id)
    {
        parameters.Add(new NpgsqlParameter { Value = collection });
        parameters.Add(new NpgsqlParameter { Value = id });
    }

    private string FindSql(NpgsqlParameterCollection parameters, string collection, IReadOnlyList<ViewTag> tags) => $"""
        SELECT {Columns} FROM {_tags} t0 JOIN {_documents} d ON d.doc_id = t0.doc_id
        WHERE {TaggedWhere(parameters, collection, tags)} ORDER BY d.sort_key COLLATE "C", d.id COLLATE "C"
        """;

    private string CountSql(NpgsqlParameterCollection parameters, string collection, IReadOnlyList<ViewTag> tags) =>
        $"SELECT count(*) FROM {_tags} t0 WHERE {TaggedWhere(parameters, collection, tags)}";

    private static async Task<IReadOnlyList<ViewDocument>> ReadDocumentsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var documents = new List<ViewDocument>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            documents.Add(Document(reader));
        }

        return documents;
    }

    private void AddFilters(NpgsqlParameterCollection parameters, ViewQuery query, StringBuilder where)
    {
        foreach (var filter in query.Filters)
        {
            var name = parameters.Count + 1;
            where.Append(System.Globalization.CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM {_tags} t WHERE t.doc_id = d.doc_id AND t.name = ${name} AND t.value = ${name + 1})");
            parameters.Add(new NpgsqlParameter { Value = filter.Name });
            parameters.Add(new NpgsqlParameter { Value = filter.Value });
        }
    }

    /// <summary>
    /// The first tag's index entries (t0), kept when the same document also carries each other tag: every step a
    /// lookup in a tag index, none in the documents.
    /// </summary>
    /// <remarks>
    /// OFFSET 0 keeps each EXISTS a lookup per entry of t0 (doc_id, name and value in the primary key's condition).
    /// Left free, the planner turns them into joins, and on tables not yet analysed (views just rebuilt) it joined
    /// t0's entries against every entry of the other tag's value, id unused: 276 ms instead of 1 ms for one round's
    /// statements, measured on 3,800 links.
    /// </remarks>
    private string TaggedWhere(NpgsqlParameterCollection parameters, string collection, IReadOnlyList<ViewTag> tags)
    {
        if (tags.Count == 0)
        {
            throw new ArgumentException("at least one tag is needed: the read starts from a tag's index entries", nameof(tags));
        }

        var where = new StringBuilder("t0.collection = $1 AND t0.name = $2 AND t0.value = $3");
        parameters.Add(new NpgsqlParameter { Value = collection });
        parameters.Add(new NpgsqlParameter { Value = tags[0].Name });
        parameters.Add(new NpgsqlParameter { Value = tags[0].Value });
        foreach (var tag in tags.Skip(1))
        {
            var name = parameters.Count + 1;
            where.Append(System.Globalization.CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM {_tags} t WHERE t.doc_id = t0.doc_id AND t.name = ${name} AND t.value = ${name + 1} OFFSET 0)");
            parameters.Add(new NpgsqlParameter { Value = tag.Name });
            parameters.Add(new NpgsqlParameter { Value = tag.Value });
        }

        return where.ToString();
    }

    private static ViewDocument Document(NpgsqlDataReader reader) =>
        ViewDocument.Stored(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), StoredKeywords.Read(reader.IsDBNull(5) ? null : reader.GetString(5)));
}
