using EventDialogue.EventStore.Postgres.Views;
using EventDialogue.EventStore.Tests.Fixtures;
using EventDialogue.Projections.Storage;
using Npgsql;

namespace EventDialogue.EventStore.Tests.Search;

[Collection(PostgresTests.Name)]
public sealed class PostgresSearchContract(PostgresCluster cluster) : SearchContract
{
    protected override async Task<IViewStore> OpenAsync() => await PostgresViewStore.OpenAsync(cluster.ConnectionString, PostgresCluster.NewSchemaName());

    protected override async Task<IViewStore> OpenFormerFormatStoreAsync(string statementId, string text, long checkpoint)
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
                    search tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(search_text, ''))) STORED,
                    PRIMARY KEY (collection, id));
                CREATE INDEX view_documents_search ON "{schema}".view_documents USING gin (search);
                CREATE TABLE "{schema}".view_tags (collection text NOT NULL, id text NOT NULL, name text NOT NULL, value text NOT NULL, PRIMARY KEY (collection, id, name, value));
                INSERT INTO "{schema}".view_documents (collection, id, json, sort_key, search_text) VALUES ('statements', @id, @json, @id, @text);
                INSERT INTO "{schema}".view_tags VALUES ('statements', @id, 'side', 'us');
                INSERT INTO "{schema}".view_checkpoints VALUES ('statements', @checkpoint);
                """,
                connection);
            command.Parameters.AddWithValue("id", statementId);
            command.Parameters.AddWithValue("json", "{}");
            command.Parameters.AddWithValue("text", text);
            command.Parameters.AddWithValue("checkpoint", checkpoint);
            await command.ExecuteNonQueryAsync();
        }

        return await PostgresViewStore.OpenAsync(cluster.ConnectionString, schema);
    }
}
