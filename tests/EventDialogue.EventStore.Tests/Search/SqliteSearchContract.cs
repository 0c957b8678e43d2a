using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.Projections.Storage;
using Microsoft.Data.Sqlite;

namespace EventDialogue.EventStore.Tests.Search;

public sealed class SqliteSearchContract : SearchContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"eventdialogue-search-{Guid.NewGuid():N}");

    protected override Task<IViewStore> OpenAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.FromResult<IViewStore>(SqliteViewStore.Open(Path.Combine(_directory, "views.sqlite")));
    }

    protected override Task<IViewStore> OpenFormerFormatStoreAsync(string statementId, string text, long checkpoint)
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
                    sort_key TEXT NOT NULL, search_text TEXT, UNIQUE (collection, id));
                CREATE TABLE view_tags (collection TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (collection, id, name, value));
                CREATE VIRTUAL TABLE view_search USING fts5 (text, tokenize = 'porter unicode61');
                INSERT INTO view_documents (collection, id, json, sort_key, search_text) VALUES ('statements', $id, '{}', $id, $text);
                INSERT INTO view_tags VALUES ('statements', $id, 'side', 'us');
                INSERT INTO view_search (rowid, text) VALUES (1, $text);
                INSERT INTO view_checkpoints VALUES ('statements', $checkpoint);
                """;
            command.Parameters.AddWithValue("$id", statementId);
            command.Parameters.AddWithValue("$text", text);
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
