using EventDialogue.EventStore.GroupCommit;
using EventDialogue.EventStore.Postgres.GroupCommit;
using Npgsql;

namespace EventDialogue.EventStore.Postgres;

/// <summary>
/// Appends to several streams in one transaction: see <see cref="IEventStore.AppendToStreamsAsync"/>. Its own
/// transaction beside the group commits (<see cref="AppendQueue"/>), under the same global append lock held to the
/// commit, so its positions are contiguous and a reader of $all never skips one (see the class remarks). On the appends' own
/// pool (see <see cref="PostgresAppendConnections"/>): it too ends every transaction in COMMIT or ROLLBACK.
/// </summary>
public sealed partial class PostgresEventStore
{
    public async Task<IReadOnlyList<AppendResult>> AppendToStreamsAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default)
    {
        MultiStreamAppendValidation.Validate(appends);
        try
        {
            var results = await AppendAllAsync(appends, cancellationToken).ConfigureAwait(false);
            _notifier.Appended();
            return results;
        }
        finally
        {
            _appended.Notify();
        }
    }

    /// <remarks>
    /// Two round trips, as a group commit that must read the state first: the lock and the state (stored ids, the
    /// streams' revisions), then every insert and the commit. Each part is decided as a group's append is
    /// (<see cref="GroupDecisions"/>: after the parts before it), but any refusal ends the transaction with nothing
    /// written; and the inserts run without savepoints, so that a failed insert, which nothing foresees under the lock,
    /// undoes the whole call too.
    /// </remarks>
    private async Task<List<AppendResult>> AppendAllAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        var parts = appends.Select(a => new PendingAppend(a.Stream, a.Expected, a.Events)).ToList();
        var connection = await _appendDataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var ended = false;
            try
            {
                var (stored, revisions) = await _sql.BeginLockAndReadStateAsync(connection, parts, cancellationToken).ConfigureAwait(false);
                var decisions = GroupDecisions.Decide(parts, stored, revisions);
                var recordedAt = UnixMicroseconds.Truncate(_timeProvider.GetUtcNow());
                var inserts = new List<NpgsqlBatchCommand>();
                foreach (var (part, decision) in parts.Zip(decisions))
                {
                    switch (decision)
                    {
                        case AppendDecision.Refuse refuse:
                            throw refuse.Reason;
                        case AppendDecision.Defer:
                            // validation keeps every id to one part, so no part can wait on another
                            throw new InvalidOperationException($"an append to '{part.Stream}' shares an event id with an earlier part of the same call");
                        case AppendDecision.Write write:
                            inserts.Add(_sql.Insert(part.Stream, write.FirstRevision, part.Events, recordedAt));
                            break;
                    }
                }

                var lastPositions = inserts.Count == 0 ? [] : await InsertAndCommitAsync(connection, inserts).ConfigureAwait(false);
                ended = inserts.Count > 0;
                var written = 0;
                return [.. parts.Zip(decisions, (part, decision) => decision switch
                {
                    AppendDecision.Repeat repeat => repeat.Result,
                    AppendDecision.Write write => new AppendResult(part.Stream, write.FirstRevision + part.Events.Count - 1, new Position(lastPositions[written++])),
                    _ => throw new InvalidOperationException("a refused part ends the call before this"),
                })];
            }
            finally
            {
                if (!ended)
                {
                    await PostgresGroupCommit.RollBackAsync(connection).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Every insert and the commit, in one round trip; the last position of each insert, in order.</summary>
    private static async Task<List<long>> InsertAndCommitAsync(NpgsqlConnection connection, List<NpgsqlBatchCommand> inserts)
    {
        using var batch = new NpgsqlBatch(connection);
        foreach (var insert in inserts)
        {
            batch.BatchCommands.Add(insert);
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        var lastPositions = new List<long>(inserts.Count);
        // once the inserts are sent, no caller's cancellation may leave the commit's outcome unknown to this call
        var reader = await batch.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        do
        {
            if (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                lastPositions.Add(reader.GetInt64(1));
            }
        }
        while (await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false));

        return lastPositions.Count == inserts.Count
            ? lastPositions
            : throw new InvalidOperationException($"the transaction answered {lastPositions.Count} of its {inserts.Count} inserts");
    }
}
