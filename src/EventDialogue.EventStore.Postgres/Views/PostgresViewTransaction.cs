using EventDialogue.Projections.Storage;
using Npgsql;

namespace EventDialogue.EventStore.Postgres.Views;

internal sealed class PostgresViewTransaction(string projection, NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresViewSql sql) : IViewTransaction
{
    public Task<ViewDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        sql.GetAsync(connection, transaction, collection, id, cancellationToken);

    public Task<IReadOnlyList<ViewDocument>> FindAsync(string collection, ViewTag tag, CancellationToken cancellationToken = default) =>
        sql.FindAsync(connection, transaction, collection, tag, cancellationToken);

    public async Task PutAsync(ViewDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tags = document.Tags.Distinct().ToList();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command(sql.Upsert, document.Collection, document.Id, document.Json, document.SortKey, (object?)document.SearchText ?? DBNull.Value),
                Command(sql.DeleteTags, document.Collection, document.Id),
                Command(sql.InsertTags, document.Collection, document.Id, tags.Select(t => t.Name).ToArray(), tags.Select(t => t.Value).ToArray()),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { Command(sql.DeleteTags, collection, id), Command(sql.Delete, collection, id) },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CommitAsync(EventStore.Position checkpoint, CancellationToken cancellationToken = default)
    {
        await using (var command = new NpgsqlCommand(sql.SaveCheckpoint, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = projection });
            command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.Value });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private static NpgsqlBatchCommand Command(string text, params object[] values)
    {
        var command = new NpgsqlBatchCommand(text);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
