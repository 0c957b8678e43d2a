using EventDialogue.Projections.Search;
using EventDialogue.Projections.Storage;
using Npgsql;

namespace EventDialogue.EventStore.Postgres.Views;

internal sealed class PostgresViewTransaction(string projection, Position storedCheckpoint, NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresViewSql sql) : IViewTransaction
{
    /// <summary>Deferred statements sent in one round trip once this many are waiting (about a hundred documents).</summary>
    private const int PendingLimit = 300;

    private readonly List<NpgsqlBatchCommand> _pending = [];

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

    public async Task<ViewDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        await WritePendingAsync(cancellationToken);
        return await sql.GetAsync(connection, transaction, collection, id, cancellationToken);
    }

    public async Task<IReadOnlyList<ViewDocument>> FindAsync(string collection, ViewTag tag, CancellationToken cancellationToken = default)
    {
        await WritePendingAsync(cancellationToken);
        return await sql.FindAsync(connection, transaction, collection, tag, cancellationToken);
    }

    public async Task PutAsync(ViewDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tags = document.Tags.Distinct().ToList();
        await DeferAsync(
            [
                Command(sql.Upsert, document.Collection, document.Id, document.Json, document.SortKey, (object?)document.SearchText ?? DBNull.Value, StoredKeywords.Write(document.SearchKeywords), SearchTerms.IndexText(document.SearchText, document.SearchKeywords)),
                Command(sql.DeleteTags, document.Collection, document.Id),
                Command(sql.InsertTags, document.Collection, document.Id, tags.Select(t => t.Name).ToArray(), tags.Select(t => t.Value).ToArray()),
            ],
            cancellationToken);
    }

    public Task DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        DeferAsync([Command(sql.DeleteTags, collection, id), Command(sql.Delete, collection, id)], cancellationToken);

    /// <summary>
    /// Writes are sent together, in order, before the next read or with the commit: one round trip for many documents
    /// instead of one each. A failed write still fails the transaction (at the latest, its commit).
    /// </summary>
    private async Task DeferAsync(NpgsqlBatchCommand[] commands, CancellationToken cancellationToken)
    {
        _pending.AddRange(commands);
        if (_pending.Count >= PendingLimit)
        {
            await WritePendingAsync(cancellationToken);
        }
    }

    private async Task WritePendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in _pending)
        {
            batch.BatchCommands.Add(command);
        }

        _pending.Clear();
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Saves the checkpoint and tells the other processes of a group, once committed, how far the view is.</summary>
    public async Task CommitAsync(Position checkpoint, CancellationToken cancellationToken = default)
    {
        _pending.Add(Command(sql.SaveCheckpoint, projection, checkpoint.Value));
        _pending.Add(Command("SELECT pg_notify($1, $2)", sql.Schema.CheckpointsChannel, CheckpointNotice.Format(projection, checkpoint)));
        await WritePendingAsync(cancellationToken);

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
