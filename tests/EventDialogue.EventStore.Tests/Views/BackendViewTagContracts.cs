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
