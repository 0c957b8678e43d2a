using EventDialogue.Projections.Search;
using EventDialogue.Projections.Storage;
using Npgsql;

namespace EventDialogue.EventStore.Postgres.Views;

internal sealed class PostgresViewTransaction(string projection, Position storedCheckpoint, NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresViewSql sql) : IViewTransaction
{
    public Position Checkpoint => storedCheckpoint;

    /// <summary>Begins a projection's transaction, holding its checkpoint row until it ends.</summary>
    public static async Task<PostgresViewTransaction> BeginAsync(string projection, NpgsqlConnection connection, PostgresViewSql sql, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands = { Command(sql.ClaimCheckpoint, projection), Command(sql.LockCheckpoint, projection) },
            };
            var stored = (long)(await batch.ExecuteScalarAsync(cancellationToken))!;
            return new PostgresViewTransaction(projection, new Position(stored), connection, transaction, sql);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

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
                Command(sql.Upsert, document.Collection, document.Id, document.Json, document.SortKey, (object?)document.SearchText ?? DBNull.Value, StoredKeywords.Write(document.SearchKeywords), SearchTerms.IndexText(document.SearchText, document.SearchKeywords)),
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

    /// <summary>Saves the checkpoint and tells the other processes of a group, once committed, how far the view is.</summary>
    public async Task CommitAsync(Position checkpoint, CancellationToken cancellationToken = default)
    {
        await using (var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command(sql.SaveCheckpoint, projection, checkpoint.Value),
                Command("SELECT pg_notify($1, $2)", sql.Schema.CheckpointsChannel, CheckpointNotice.Format(projection, checkpoint)),
            },
        })
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
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
