using Npgsql;

namespace EventDialogue.EventStore.Postgres.GroupCommit;

/// <summary>
/// Commits a group of appends (see <see cref="AppendQueue"/>) in one transaction: the append lock and the state in one
/// round trip, each append decided as a lone append would be (<see cref="GroupDecisions"/>), the inserts and the commit
/// in a second. Each append gets its own result or its own error, and only once the transaction has ended: nothing is
/// acknowledged before its commit. An outage fails every append of the transaction with the driver's error, as it
/// fails a lone append.
/// </summary>
internal sealed class PostgresGroupCommit(NpgsqlDataSource dataSource, PostgresStatements sql, TimeProvider timeProvider)
{
    public async Task CommitAsync(IReadOnlyList<PendingAppend> group)
    {
        var left = group;
        while (left.Count > 0)
        {
            // each transaction answers at least its first append, so this ends
            left = await CommitOnceAsync(left).ConfigureAwait(false);
        }
    }

    /// <returns>The appends left to the next transaction.</returns>
    private async Task<IReadOnlyList<PendingAppend>> CommitOnceAsync(IReadOnlyList<PendingAppend> group)
    {
        // No caller's token cancels the group: the appends in it are taken, and complete.
        var none = CancellationToken.None;
        NpgsqlConnection connection;
        try
        {
            connection = await dataSource.OpenConnectionAsync(none).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return FailAll(group, ex);
        }

        await using (connection.ConfigureAwait(false))
        {
            var ended = false;
            try
            {
                var (stored, revisions) = await sql.BeginLockAndReadStateAsync(connection, group, none).ConfigureAwait(false);
                var decisions = GroupDecisions.Decide(group, stored, revisions);
                var recordedAt = UnixMicroseconds.Truncate(timeProvider.GetUtcNow());
                var inserts = group.Zip(decisions)
                    .Where(d => d.Second is AppendDecision.Write)
                    .Select(d => sql.Insert(d.First.Stream, ((AppendDecision.Write)d.Second).FirstRevision, d.First.Events, recordedAt))
                    .ToList();
                var (lastPositions, failed) = await SavepointInserts.InsertAndCommitAsync(connection, inserts).ConfigureAwait(false);
                ended = true;
                return Answer(group, decisions, lastPositions, failed);
            }
            catch (Exception ex)
            {
                return FailAll(group, ex);
            }
            finally
            {
                if (!ended)
                {
                    await RollBackAsync(connection).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// Answers the appends of a committed transaction, in order, up to the one whose insert failed (if any), which gets
    /// its error; the appends after it, and those deferred, are left to the next transaction.
    /// </summary>
    private static List<PendingAppend> Answer(IReadOnlyList<PendingAppend> group, List<AppendDecision> decisions, List<long> lastPositions, PostgresException? failed)
    {
        var left = new List<PendingAppend>();
        var written = 0;
        for (var i = 0; i < group.Count; i++)
        {
            var append = group[i];
            switch (decisions[i])
            {
                case AppendDecision.Write when written == lastPositions.Count:
                    if (failed is null)
                    {
                        throw new InvalidOperationException("the transaction committed fewer appends than it wrote");
                    }

                    append.Fail(failed);
                    left.AddRange(group.Skip(i + 1));
                    return left;
                case AppendDecision.Write write:
                    append.Succeed(new AppendResult(append.Stream, write.FirstRevision + append.Events.Count - 1, new Position(lastPositions[written++])));
                    break;
                case AppendDecision.Repeat repeat:
                    append.Succeed(repeat.Result);
                    break;
                case AppendDecision.Refuse refuse:
                    append.Fail(refuse.Reason);
                    break;
                case AppendDecision.Defer:
                    left.Add(append);
                    break;
            }
        }

        return left;
    }

    private static List<PendingAppend> FailAll(IReadOnlyList<PendingAppend> group, Exception error)
    {
        foreach (var append in group)
        {
            append.Fail(error);
        }

        return [];
    }

    /// <summary>
    /// Ends a transaction begun by hand that did not commit (a failed statement, a broken connection): its lock goes with
    /// it, before the connection goes back to the pool.
    /// </summary>
    private static async Task RollBackAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // A broken connection: the server ends the transaction with the session, and the pool does not reuse it.
            NpgsqlConnection.ClearPool(connection);
        }
    }
}
