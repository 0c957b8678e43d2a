using EventDialogue.EventStore.Tests.Fixtures;
using Npgsql;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>
/// On PostgreSQL an append can arrive while a restore's transaction is open (on SQLite the two take turns at the one
/// writer). It must wait, then land after the restored head, so that a reader of $all never sees it before them.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresRestoreWhileAppending(PostgresCluster cluster) : OwnSchemaStore(cluster)
{
    [Fact]
    public async Task An_append_made_during_a_restore_waits_for_it_and_lands_after_the_restored_head()
    {
        var log = RestoredLog.Of(20);
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var goOn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var restoring = Store.RestoreAsync(Pausing(log, halfway, goOn), bound.Token);
        await halfway.Task.WaitAsync(bound.Token);
        var appending = Store.AppendToStreamAsync(StreamName.Parse("case-during-restore"), ExpectedRevision.NoStream, Events.Some(1), bound.Token);
        await UntilAnAppendWaitsOnTheRestoreAsync(bound.Token);
        var seenMeanwhile = await Store.ReadAllAsync(Position.Start, AllFilter.None).ToListAsync(bound.Token);
        goOn.SetResult();

        var restored = await restoring;
        var appended = await appending;

        Assert.Empty(seenMeanwhile);
        Assert.True(appended.Position > restored.Head, $"appended at {appended.Position}, restored up to {restored.Head}");
        var all = await Store.ReadAllAsync(Position.Start, AllFilter.None).ToListAsync(bound.Token);
        Assert.Equal(log, all.Take(log.Count));
        Assert.Equal(appended.Position, all[^1].Position);
    }

    private static async IAsyncEnumerable<RecordedEvent> Pausing(List<RecordedEvent> log, TaskCompletionSource halfway, TaskCompletionSource goOn)
    {
        for (var i = 0; i < log.Count; i++)
        {
            if (i == log.Count / 2)
            {
                halfway.SetResult();
                await goOn.Task;
            }

            yield return log[i];
        }
    }

    /// <summary>
    /// Waits for the condition the test is about: another session queued behind the restore's locks — on the append
    /// lock (an advisory lock), which an append takes before it reads the table and which the restore holds.
    /// </summary>
    private async Task UntilAnAppendWaitsOnTheRestoreAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var waiting = new NpgsqlCommand(
            """
            SELECT count(*) FROM pg_locks waiting JOIN pg_locks held
                ON held.locktype = 'advisory' AND held.granted AND held.pid <> waiting.pid
                AND (held.classid, held.objid, held.objsubid) = (waiting.classid, waiting.objid, waiting.objsubid)
            WHERE waiting.locktype = 'advisory' AND NOT waiting.granted
                AND held.pid IN (SELECT pid FROM pg_locks WHERE relation = to_regclass($1) AND mode = 'ExclusiveLock' AND granted)
            """,
            connection);
        waiting.Parameters.Add(new NpgsqlParameter { Value = $"\"{Schema}\".events" });
        while ((long)(await waiting.ExecuteScalarAsync(cancellationToken))! == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }
}
