using Npgsql;

namespace EventDialogue.EventStore.Postgres.GroupCommit;

/// <summary>
/// The inserts of a group's appends and the commit, in one round trip, each insert under a savepoint of its own: an
/// insert that fails (a constraint the checks did not foresee) is undone alone, with its leaves, and the appends before
/// it commit. The appends after it are not tried, since they were decided as if it had been written (a later append to
/// the same stream would leave a hole in its revisions): the next transaction decides them again.
/// </summary>
internal static class SavepointInserts
{
    /// <param name="connection">The group's connection, its transaction begun and the append lock held.</param>
    /// <param name="inserts">One insert per append to write (see <see cref="PostgresStatements.Insert"/>), in order.</param>
    /// <returns>
    /// The last position of each append committed, in order (a prefix of <paramref name="inserts"/>), and the error of the
    /// append after them when its insert failed.
    /// </returns>
    public static async Task<(List<long> LastPositions, PostgresException? Failed)> InsertAndCommitAsync(NpgsqlConnection connection, IReadOnlyList<NpgsqlBatchCommand> inserts)
    {
        var lastPositions = new List<long>(inserts.Count);
        await using var batch = new NpgsqlBatch(connection);
        for (var i = 0; i < inserts.Count; i++)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SAVEPOINT {Savepoint(i)}"));
            batch.BatchCommands.Add(inserts[i]);
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"RELEASE SAVEPOINT {Savepoint(i)}"));
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        try
        {
            // once the group has its appends, no caller's cancellation may leave them half done
            await using var reader = await batch.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
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
        catch (PostgresException ex) when (FailedAppend(lastPositions.Count, inserts.Count) is int failed)
        {
            await using var rollBackAndCommit = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand($"ROLLBACK TO SAVEPOINT {Savepoint(failed)}"),
                    new NpgsqlBatchCommand("COMMIT"),
                },
            };
            await rollBackAndCommit.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
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
