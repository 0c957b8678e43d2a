using EventDialogue.Projections.Search;
using EventDialogue.Projections.Storage;
using Npgsql;

namespace EventDialogue.EventStore.Postgres.Views;

internal sealed class PostgresViewTransaction(IReadOnlyDictionary<string, Position> storedCheckpoints, NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresViewSql sql) : IViewTransaction
{
    /// <summary>Deferred writes sent in one round trip once this many are waiting.</summary>
    private const int PendingLimit = 2000;

    /// <summary>Writes not sent yet, in order: a document to put, or null for a key to delete.</summary>
    private readonly List<(string Collection, string Id, ViewDocument? Document)> _pending = [];

    public IReadOnlyDictionary<string, Position> Checkpoints => storedCheckpoints;

    /// <summary>
    /// Begins a transaction of the projections (checked and in ordinal order, see <see cref="ViewTransactionProjections"/>),
    /// holding each one's checkpoint row until it ends; all are claimed and locked in one round trip.
    /// </summary>
    public static async Task<PostgresViewTransaction> BeginAsync(IReadOnlyList<string> projections, NpgsqlConnection connection, PostgresViewSql sql, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var projection in projections)
            {
                batch.BatchCommands.Add(Command(sql.ClaimCheckpoint, projection));
                batch.BatchCommands.Add(Command(sql.LockCheckpoint, projection));
            }

            // the claims return no rows and each lock one, so the rows come in the projections' order
            var positions = new List<long>(projections.Count);
            var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                do
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        positions.Add(reader.GetInt64(0));
                    }
                }
                while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
            }

            var stored = projections.Zip(positions).ToDictionary(p => p.First, p => new Position(p.Second), StringComparer.Ordinal);
            return new PostgresViewTransaction(stored, connection, transaction, sql);
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<ViewDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        await WritePendingAsync([], cancellationToken).ConfigureAwait(false);
        return await sql.GetAsync(connection, transaction, collection, id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ViewDocument>> FindAsync(string collection, ViewTag tag, CancellationToken cancellationToken = default)
    {
        await WritePendingAsync([], cancellationToken).ConfigureAwait(false);
        return await sql.FindAsync(connection, transaction, collection, [tag], cancellationToken).ConfigureAwait(false);
    }

    public Task PutAsync(ViewDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return DeferAsync((document.Collection, document.Id, document), cancellationToken);
    }

    public Task DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        DeferAsync((collection, id, null), cancellationToken);

    /// <summary>
    /// Writes are sent together, in order, before the next read or with the commit: one round trip for many documents
    /// instead of one each. A failed write still fails the transaction (at the latest, its commit).
    /// </summary>
    private async Task DeferAsync((string Collection, string Id, ViewDocument? Document) write, CancellationToken cancellationToken)
    {
        _pending.Add(write);
        if (_pending.Count >= PendingLimit)
        {
            await WritePendingAsync([], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the pending writes, then <paramref name="after"/>, in one round trip.</summary>
    private async Task WritePendingAsync(NpgsqlBatchCommand[] after, CancellationToken cancellationToken)
    {
        if (_pending.Count == 0 && after.Length == 0)
        {
            return;
        }

        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in Statements(_pending))
        {
            batch.BatchCommands.Add(command);
        }

        foreach (var command in after)
        {
            batch.BatchCommands.Add(command);
        }

        _pending.Clear();
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The writes as multi-row statements: each run of puts (or of deletes) with no key twice becomes two
    /// statements over arrays, in the order written; a key met again starts the next run, so the later write wins.
    /// </summary>
    private IEnumerable<NpgsqlBatchCommand> Statements(List<(string Collection, string Id, ViewDocument? Document)> writes)
    {
        var run = new List<(string Collection, string Id, ViewDocument? Document)>();
        var keys = new HashSet<(string, string)>();
        foreach (var write in writes)
        {
            if (run.Count > 0 && ((run[0].Document is null) != (write.Document is null) || keys.Contains((write.Collection, write.Id))))
            {
                foreach (var command in RunStatements(run))
                {
                    yield return command;
                }

                run.Clear();
                keys.Clear();
            }

            run.Add(write);
            keys.Add((write.Collection, write.Id));
        }

        foreach (var command in RunStatements(run))
        {
            yield return command;
        }
    }

    private IEnumerable<NpgsqlBatchCommand> RunStatements(List<(string Collection, string Id, ViewDocument? Document)> run)
    {
        if (run.Count == 0)
        {
            yield break;
        }

        var collections = run.Select(w => w.Collection).ToArray();
        var ids = run.Select(w => w.Id).ToArray();
        yield return Command(sql.DeleteTagsMany, collections, ids);
        if (run[0].Document is null)
        {
            yield return Command(sql.DeleteMany, collections, ids);
            yield break;
        }

        var documents = run.Select(w => w.Document!).ToArray();
        var tags = documents.SelectMany(d => d.Tags.Distinct().Select(t => (d.Collection, d.Id, t.Name, t.Value))).ToList();
        yield return Command(
            sql.UpsertMany,
            collections,
            ids,
            documents.Select(d => d.Json).ToArray(),
            documents.Select(d => d.SortKey).ToArray(),
            documents.Select(d => d.SearchText).ToArray(),
            documents.Select(d => StoredKeywords.Write(d.SearchKeywords) as string).ToArray(),
            documents.Select(d => SearchTerms.IndexText(d.SearchText, d.SearchKeywords)).ToArray(),
            tags.Select(t => t.Collection).ToArray(),
            tags.Select(t => t.Id).ToArray(),
            tags.Select(t => t.Name).ToArray(),
            tags.Select(t => t.Value).ToArray());
    }

    /// <summary>Saves the checkpoint and tells the other processes of a group, once committed, how far the view is.</summary>
    public async Task CommitAsync(IReadOnlyDictionary<string, Position> checkpoints, CancellationToken cancellationToken = default)
    {
        ViewTransactionProjections.CheckCommit([.. storedCheckpoints.Keys], checkpoints);
        await WritePendingAsync(
            [
                .. storedCheckpoints.Keys.SelectMany(projection => new[]
                {
                    Command(sql.SaveCheckpoint, projection, checkpoints[projection].Value),
                    Command("SELECT pg_notify($1, $2)", sql.Schema.CheckpointsChannel, CheckpointNotice.Format(projection, checkpoints[projection])),
                }),
            ],
            cancellationToken).ConfigureAwait(false);

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts the fresh copy's documents in the place of the projection's and moves the copy's checkpoint to it (see
    /// <see cref="IViewStore.ReplaceWithFreshCopyAsync"/>); the transaction must hold both checkpoints.
    /// </summary>
    public async Task<Position> ReplaceWithFreshCopyAsync(string projection, string copy, IReadOnlyList<string> collections, IReadOnlyList<string> copies, CancellationToken cancellationToken)
    {
        var built = storedCheckpoints[copy];
        if (built < storedCheckpoints[projection])
        {
            throw new FreshCopyBehindException(projection, built, storedCheckpoints[projection]);
        }

        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var statement in sql.ResetCollections)
        {
            batch.BatchCommands.Add(Command(statement, (object)collections.ToArray()));
        }

        // the documents keep their doc_id, so their tags still point at them: only the names move
        foreach (var statement in sql.RenameCollections)
        {
            batch.BatchCommands.Add(Command(statement, copies.ToArray(), collections.ToArray()));
        }

        batch.BatchCommands.Add(Command(sql.ResetCheckpoint, copy));
        batch.BatchCommands.Add(Command(sql.SaveCheckpoint, projection, built.Value));
        batch.BatchCommands.Add(Command("SELECT pg_notify($1, $2)", sql.Schema.CheckpointsChannel, CheckpointNotice.Format(projection, built)));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return built;
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
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
