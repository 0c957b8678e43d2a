using EventDialogue.EventStore.Postgres.Views;
using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.EventStore.Tests.Fixtures;
using EventDialogue.Projections.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EventDialogue.EventStore.Tests.Views;

public sealed class SqliteViewTagContract : ViewTagContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"eventdialogue-tags-{Guid.NewGuid():N}");

    protected override Task<IViewStore> OpenAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.FromResult<IViewStore>(SqliteViewStore.Open(Path.Combine(_directory, "views.sqlite")));
    }

    /// <remarks>The layout as the version before wrote it (search format 2, tags by collection and id).</remarks>
    protected override Task<IViewStore> OpenFormerTagLayoutStoreAsync(string id, long checkpoint)
    {
        var path = Path.Combine(_directory, "former.sqlite");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE view_checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL);
                CREATE TABLE view_documents (
                    doc_id INTEGER PRIMARY KEY AUTOINCREMENT, collection TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,
                    sort_key TEXT NOT NULL, search_text TEXT, search_keywords TEXT, UNIQUE (collection, id));
                CREATE INDEX view_documents_order ON view_documents (collection, sort_key, id);
                CREATE TABLE view_tags (collection TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (collection, id, name, value));
                CREATE INDEX view_tags_lookup ON view_tags (collection, name, value, id);
                CREATE TABLE view_formats (name TEXT PRIMARY KEY, version INTEGER NOT NULL);
                CREATE VIRTUAL TABLE view_search USING fts5 (terms, tokenize = 'unicode61');
                INSERT INTO view_formats VALUES ('search', 2);
                INSERT INTO view_documents (collection, id, json, sort_key, search_text) VALUES ('links', $id, '{}', $id, 'link');
                INSERT INTO view_tags VALUES ('links', $id, 'round', 'r1');
                INSERT INTO view_search (rowid, terms) VALUES (1, 'link');
                INSERT INTO view_checkpoints VALUES ('test-projection', $checkpoint);
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$checkpoint", checkpoint);
            command.ExecuteNonQuery();
        }

        return Task.FromResult<IViewStore>(SqliteViewStore.Open(path));
    }

    [Fact]
    public async Task A_store_with_each_tag_row_in_two_btrees_drops_its_views_on_opening_and_keeps_a_document_s_tags_with_it()
    {
        var path = Path.Combine(_directory, "two-btrees.sqlite");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE view_checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL);
                CREATE TABLE view_documents (
                    doc_id INTEGER PRIMARY KEY AUTOINCREMENT, collection TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,
                    sort_key TEXT NOT NULL, search_text TEXT, search_keywords TEXT, UNIQUE (collection, id));
                CREATE INDEX view_documents_order ON view_documents (collection, sort_key, id);
                CREATE TABLE view_document_tags (
                    doc_id INTEGER NOT NULL, collection TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
                    PRIMARY KEY (doc_id, name, value)) WITHOUT ROWID;
                CREATE INDEX view_document_tags_lookup ON view_document_tags (collection, name, value, doc_id);
                CREATE TABLE view_formats (name TEXT PRIMARY KEY, version INTEGER NOT NULL);
                CREATE VIRTUAL TABLE view_search USING fts5 (terms, tokenize = 'unicode61');
                INSERT INTO view_formats VALUES ('search', 2), ('tags', 2);
                INSERT INTO view_documents (collection, id, json, sort_key, search_text) VALUES ('links', 'old', '{}', 'old', 'link');
                INSERT INTO view_document_tags VALUES (1, 'links', 'round', 'r1');
                INSERT INTO view_search (rowid, terms) VALUES (1, 'link');
                INSERT INTO view_checkpoints VALUES ('test-projection', 42);
                """;
            command.ExecuteNonQuery();
        }

        await using var views = (IViewStore)SqliteViewStore.Open(path);

        Assert.Equal(Position.Start, await views.ReadCheckpointAsync("test-projection"));
        Assert.Empty(await views.FindAsync("links", [new ViewTag("round", "r1")]));
        await using (var transaction = await views.BeginAsync("test-projection"))
        {
            await transaction.PutAsync(new ViewDocument("links", "new", "{}", "new", [new ViewTag("round", "r1"), new ViewTag("kind", "case")]));
            await transaction.PutAsync(new ViewDocument("links", "new", "{}", "new", [new ViewTag("round", "r2"), new ViewTag("kind", "case")]));
            await transaction.CommitAsync(new Position(1));
        }

        Assert.Empty(await views.FindAsync("links", [new ViewTag("round", "r1")]));
        Assert.Equal(["new"], (await views.FindAsync("links", [new ViewTag("kind", "case"), new ViewTag("round", "r2")])).Select(d => d.Id));
        Assert.Equal(1, await views.CountAsync("links", [new ViewTag("kind", "case")]));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

[Collection(PostgresTests.Name)]
public sealed class PostgresViewTagContract(PostgresCluster cluster) : ViewTagContract
{
    protected override async Task<IViewStore> OpenAsync() => await PostgresViewStore.OpenAsync(cluster.ConnectionString, PostgresCluster.NewSchemaName());

    /// <remarks>The layout as the version before wrote it (search format 2, tags by collection and id, no doc_id).</remarks>
    protected override async Task<IViewStore> OpenFormerTagLayoutStoreAsync(string id, long checkpoint)
    {
        var schema = PostgresCluster.NewSchemaName();
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"""
                CREATE SCHEMA "{schema}";
                CREATE TABLE "{schema}".view_checkpoints (projection text PRIMARY KEY, position bigint NOT NULL);
                CREATE TABLE "{schema}".view_documents (
                    collection text NOT NULL, id text NOT NULL, json text NOT NULL, sort_key text NOT NULL, search_text text,
                    search_keywords text, search tsvector, PRIMARY KEY (collection, id));
                CREATE INDEX view_documents_search ON "{schema}".view_documents USING gin (search);
                CREATE TABLE "{schema}".view_formats (name text PRIMARY KEY, version integer NOT NULL);
                CREATE TABLE "{schema}".view_tags (collection text NOT NULL, id text NOT NULL, name text NOT NULL, value text NOT NULL, PRIMARY KEY (collection, id, name, value));
                CREATE INDEX view_tags_lookup ON "{schema}".view_tags (collection, name, value, id);
                INSERT INTO "{schema}".view_formats VALUES ('search', 2);
                INSERT INTO "{schema}".view_documents (collection, id, json, sort_key, search_text, search) VALUES ('links', @id, @json, @id, 'link', to_tsvector('simple', 'link'));
                INSERT INTO "{schema}".view_tags VALUES ('links', @id, 'round', 'r1');
                INSERT INTO "{schema}".view_checkpoints VALUES ('test-projection', @checkpoint);
                """,
                connection);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("json", "{}");
            command.Parameters.AddWithValue("checkpoint", checkpoint);
            await command.ExecuteNonQueryAsync();
        }

        return await PostgresViewStore.OpenAsync(cluster.ConnectionString, schema);
    }
}
