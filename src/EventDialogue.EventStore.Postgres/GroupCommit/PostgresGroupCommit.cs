using EventDialogue.EventStore.GroupCommit;
using Npgsql;

namespace EventDialogue.EventStore.Postgres.GroupCommit;

/// <summary>
/// Commits a group of appends (see <see cref="AppendQueue"/>) in one transaction. When every append names the revision
/// it starts at (no stream, or an exact revision: what the server's commands send), the transaction is one round trip:
/// <c>BEGIN</c>, the append lock, each append's insert checked on the server (its stream at the revision before, none of
/// its ids stored; see <see cref="PostgresEventSql.CheckedInsert"/>) under a savepoint of its own, and the commit.
/// Should a check or an insert fail, that append and those after it are decided in the same transaction, still under
/// the lock (a lone append, which takes no savepoint, in a new transaction under the lock taken again), as every append
/// of a group is otherwise: the append lock and the state in one round trip, each append
/// decided as a lone append would be (<see cref="GroupDecisions"/>), the inserts and the commit in a second. So a
/// failed check never answers an append by itself: a retry whose stream has moved on still gets its first result, and a
/// refusal names the revision the stream is at. Each append gets its own result or its own error, and only once the
/// transaction has ended: nothing is acknowledged before its commit. An outage fails every append of the transaction
/// with the driver's error, as it fails a lone append.
/// </summary>
internal sealed class PostgresGroupCommit(NpgsqlDataSource dataSource, PostgresEventSql sql, TimeProvider timeProvider)
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
                var recordedAt = UnixMicroseconds.Truncate(timeProvider.GetUtcNow());
                var written = new List<AppendResult>();
                var undecided = group;
                Dictionary<Guid, StoredEventIdentity> stored;
                Dictionary<string, long> revisions;
                if (group.All(a => a.KnownFirstRevision is not null))
                {
                    var @checked = group.Select(a => sql.CheckedInsert(a.Stream, a.KnownFirstRevision!.Value, a.Events, recordedAt)).ToList();
                    var (checkedPositions, checkFailed) = await SavepointInserts.BeginLockInsertAndCommitAsync(connection, sql.LockAppends(), @checked).ConfigureAwait(false);
                    written.AddRange(checkedPositions.Select((position, i) => Written(group[i], group[i].KnownFirstRevision!.Value, position)));
                    if (checkFailed is null)
                    {
                        ended = true;
                        return Answer(group, written);
                    }

                    undecided = group.Skip(written.Count).ToList();
                    (stored, revisions) = SavepointInserts.CheckedSavepoints(group.Count)
                        ? await sql.RollBackToAndReadStateAsync(connection, SavepointInserts.CheckedSavepoint(written.Count), undecided, none).ConfigureAwait(false)
                        : await sql.RollBackAndBeginLockAndReadStateAsync(connection, undecided, none).ConfigureAwait(false);
                }
                else
                {
                    (stored, revisions) = await sql.BeginLockAndReadStateAsync(connection, group, none).ConfigureAwait(false);
                }

                var decisions = GroupDecisions.Decide(undecided, stored, revisions);
                var inserts = undecided.Zip(decisions)
                    .Where(d => d.Second is AppendDecision.Write)
                    .Select(d => sql.Insert(d.First.Stream, ((AppendDecision.Write)d.Second).FirstRevision, d.First.Events, recordedAt))
                    .ToList();
                var (lastPositions, failed) = await SavepointInserts.InsertAndCommitAsync(connection, inserts).ConfigureAwait(false);
                ended = true;
                Answer(group, written);
                return Answer(undecided, decisions, lastPositions, failed);
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

    private static AppendResult Written(PendingAppend append, long firstRevision, long lastPosition) =>
        new(append.Stream, firstRevision + append.Events.Count - 1, new Position(lastPosition));

    /// <summary>Answers the first appends of a committed transaction, written by checked inserts; the rest are left.</summary>
    private static List<PendingAppend> Answer(IReadOnlyList<PendingAppend> group, List<AppendResult> written)
    {
        for (var i = 0; i < written.Count; i++)
        {
            group[i].Succeed(written[i]);
        }

        return group.Skip(written.Count).ToList();
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
                    append.Succeed(Written(append, write.FirstRevision, lastPositions[written++]));
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
    internal static async Task RollBackAsync(NpgsqlConnection connection)
    {
        try
        {
            using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // A broken connection: the server ends the transaction with the session, and the pool does not reuse it.
            NpgsqlConnection.ClearPool(connection);
        }
    }
}
