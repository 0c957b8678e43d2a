using Npgsql;

namespace EventDialogue.EventStore.Postgres.GroupCommit;

/// <summary>
/// The inserts of a group's appends and the commit, in one round trip, each insert under a savepoint of its own: an
/// insert that fails (a failed check of a checked insert, or a constraint nobody foresaw) is undone alone, with its
/// leaves, and the appends before it stay written. The appends after it are not tried, since they may count on it (a
/// later append to the same stream would leave a hole in its revisions): they are decided again.
/// </summary>
internal static class SavepointInserts
{
    /// <param name="connection">The group's connection, its transaction begun and the append lock held.</param>
    /// <param name="inserts">One insert per append to write (see <see cref="PostgresEventSql.Insert"/>), in order.</param>
    /// <returns>
    /// The last position of each append committed, in order (a prefix of <paramref name="inserts"/>), and the error of the
    /// append after them when its insert failed; the appends before it are committed all the same.
    /// </returns>
    public static async Task<(List<long> LastPositions, PostgresException? Failed)> InsertAndCommitAsync(NpgsqlConnection connection, IReadOnlyList<NpgsqlBatchCommand> inserts)
    {
        var (lastPositions, failed) = await TryAsync(connection, [], inserts, Savepoint).ConfigureAwait(false);
        if (failed is not null)
        {
            using var rollBackAndCommit = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand($"ROLLBACK TO SAVEPOINT {Savepoint(lastPositions.Count)}"),
                    new NpgsqlBatchCommand("COMMIT"),
                },
            };
            await rollBackAndCommit.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return (lastPositions, failed);
    }

    /// <summary>
    /// The whole transaction in one round trip: <c>BEGIN</c>, the append lock, the inserts (checked ones, see
    /// <see cref="PostgresEventSql.CheckedInsert"/>, which need no state read first) and the commit. A lone insert takes
    /// no savepoint (see <see cref="CheckedSavepoints"/>).
    /// </summary>
    /// <param name="connection">The group's connection, with no transaction.</param>
    /// <param name="lockAppends">The statement taking the append lock (see <see cref="PostgresEventSql.LockAppends"/>).</param>
    /// <param name="inserts">One checked insert per append, in order.</param>
    /// <returns>
    /// As <see cref="InsertAndCommitAsync"/>, but when an insert failed nothing is committed: the transaction is left
    /// open, failed at that insert, whose savepoint is <see cref="CheckedSavepoint"/> of its index and still holding the
    /// lock; or, for a lone insert, with nothing to keep and no savepoint, to be rolled back whole.
    /// </returns>
    public static Task<(List<long> LastPositions, PostgresException? Failed)> BeginLockInsertAndCommitAsync(NpgsqlConnection connection, NpgsqlBatchCommand lockAppends, IReadOnlyList<NpgsqlBatchCommand> inserts) =>
        TryAsync(connection, [new NpgsqlBatchCommand("BEGIN"), lockAppends], inserts, CheckedSavepoints(inserts.Count) ? CheckedSavepoint : null);

    /// <summary>
    /// Whether checked inserts take savepoints: only when there is more than one, since a savepoint is there to keep the
    /// inserts before a failed one, and a lone insert has none before it (two statements fewer for every append that is
    /// written alone).
    /// </summary>
    public static bool CheckedSavepoints(int inserts) => inserts > 1;

    /// <summary>The savepoint of a checked insert, by its index (its own name, distinct from the inserts that may follow it in the same transaction).</summary>
    public static string CheckedSavepoint(int index) => $"checked_{index}";

    private static async Task<(List<long> LastPositions, PostgresException? Failed)> TryAsync(NpgsqlConnection connection, NpgsqlBatchCommand[] beginAndLock, IReadOnlyList<NpgsqlBatchCommand> inserts, Func<int, string>? savepoint)
    {
        var lastPositions = new List<long>(inserts.Count);
        using var batch = new NpgsqlBatch(connection);
        foreach (var command in beginAndLock)
        {
            batch.BatchCommands.Add(command);
        }

        for (var i = 0; i < inserts.Count; i++)
        {
            if (savepoint is null)
            {
                batch.BatchCommands.Add(inserts[i]);
                continue;
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SAVEPOINT {savepoint(i)}"));
            batch.BatchCommands.Add(inserts[i]);
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"RELEASE SAVEPOINT {savepoint(i)}"));
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        // an error before the lock's row (no transaction, or no lock) is no insert's: it goes to the caller
        var locked = beginAndLock.Length == 0;
        try
        {
            // once the group has its appends, no caller's cancellation may leave them half done
            var reader = await batch.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
            await using var readerDisposal = reader.ConfigureAwait(false);
            if (!locked)
            {
                // the lock's one row (BEGIN has none: the reader skips statements without rows)
                locked = true;
                await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false);
            }

            // Only the inserts return rows (the tree's size, the last position); read to the end, so that an error of the
            // commit surfaces here.
            do
            {
                if (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    lastPositions.Add(reader.GetInt64(1));
                }
            }
            while (await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false));

            return (lastPositions, null);
        }
        catch (PostgresException ex) when (locked && FailedAppend(lastPositions.Count, inserts.Count) is not null)
        {
            return (lastPositions, ex);
        }
    }

    /// <summary>
    /// The append whose insert failed: the one after those whose rows were read, since an insert's one row comes only
    /// once its statement (the insert and <c>tree_append</c>) has run; null when every row was read, that is, when the
    /// commit failed. (The error does not name the failed command: Npgsql leaves its BatchCommand unset here.)
    /// </summary>
    private static int? FailedAppend(int rowsRead, int appends) => rowsRead < appends ? rowsRead : null;

    private static string Savepoint(int index) => $"append_{index}";
}
