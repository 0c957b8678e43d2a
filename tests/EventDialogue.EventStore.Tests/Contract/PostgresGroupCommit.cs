using EventDialogue.EventStore.Tests.Fixtures;
using Npgsql;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>
/// On PostgreSQL, appends that arrive while another commits share one transaction (group commit). Each must still be
/// judged as if it came alone: a refused append fails alone, a retry gets its first result, a caller that gives up
/// while waiting writes nothing; and the log the group leaves has no gap and a tree that proves every event.
/// A group is made by holding the store's append lock from outside: the first append blocks on it, and the appends
/// sent meanwhile queue (an append is queued by the time its call returns its task) and are committed together next.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed partial class PostgresGroupCommit(PostgresCluster cluster) : OwnSchemaStore(cluster)
{
    [Fact]
    public async Task Given_a_group_with_a_wrong_expected_revision_and_an_id_reused_with_other_data_then_only_those_fail_and_the_rest_commit_together()
    {
        using var bound = Bound();
        var existing = Events.Some(2);
        await Store.AppendToStreamAsync(Stream("case-existing"), ExpectedRevision.NoStream, existing, bound.Token);
        var reused = existing[0] with { Data = """{"note":"other"}""" };

        var group = await InOneGroupAsync(
            bound.Token,
            () => Store.AppendToStreamAsync(Stream("case-first"), ExpectedRevision.NoStream, Events.Some(2), bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-existing"), ExpectedRevision.NoStream, Events.Some(1), bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-existing"), ExpectedRevision.Any, [reused], bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-second"), ExpectedRevision.NoStream, Events.Some(3), bound.Token),
            // written after the group's first append to the same stream, so it expects the revision that one leaves
            () => Store.AppendToStreamAsync(Stream("case-first"), ExpectedRevision.Exact(1), Events.Some(1), bound.Token));

        await Assert.ThrowsAsync<WrongExpectedRevisionException>(() => group[1]);
        await Assert.ThrowsAsync<DuplicateEventIdException>(() => group[2]);
        var written = new[] { await group[0], await group[3], await group[4] };
        Assert.Equal([1, 2, 2], written.Select(r => r.NextExpectedRevision));
        Assert.Equal(existing.Select(e => e.EventId), (await ReadStreamAsync("case-existing", bound.Token)).Select(e => e.EventId));
        Assert.Equal(1, await TransactionsAsync(written, bound.Token));
        await AssertGapFreeAndProvenAsync(expectedCount: 2 + 2 + 3 + 1, bound.Token);
    }

    [Fact]
    public async Task Given_a_group_with_a_retry_of_a_committed_append_and_the_same_new_append_sent_twice_then_each_gets_the_first_result_and_nothing_is_written_twice()
    {
        using var bound = Bound();
        var committed = Events.Some(2);
        var first = await Store.AppendToStreamAsync(Stream("case-retried"), ExpectedRevision.NoStream, committed, bound.Token);
        var twice = Events.Some(2);

        var group = await InOneGroupAsync(
            bound.Token,
            () => Store.AppendToStreamAsync(Stream("case-retried"), ExpectedRevision.NoStream, committed, bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-twice"), ExpectedRevision.NoStream, twice, bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-twice"), ExpectedRevision.NoStream, twice, bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-other"), ExpectedRevision.NoStream, Events.Some(1), bound.Token));

        Assert.Equal(first, await group[0]);
        Assert.Equal(await group[1], await group[2]);
        Assert.Equal(1, await TransactionsAsync([await group[1], await group[3]], bound.Token));
        Assert.Equal(twice.Select(e => e.EventId), (await ReadStreamAsync("case-twice", bound.Token)).Select(e => e.EventId));
        await AssertGapFreeAndProvenAsync(expectedCount: 2 + 2 + 1, bound.Token);
    }

    [Fact]
    public async Task Given_a_group_when_one_insert_fails_in_the_database_then_that_append_fails_alone_and_the_others_commit()
    {
        using var bound = Bound();
        // an insert the store's checks cannot foresee failing: refused by a trigger, after its positions were drawn
        await ExecuteAsync(
            $"""
            CREATE FUNCTION "{Schema}".refuse_poisoned() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'poisoned stream'; END $$;
            CREATE TRIGGER refuse_poisoned BEFORE INSERT ON "{Schema}".events FOR EACH ROW WHEN (NEW.stream = 'case-poisoned') EXECUTE FUNCTION "{Schema}".refuse_poisoned();
            """,
            bound.Token);
        var poisoned = Events.Some(1);

        var group = await InOneGroupAsync(
            bound.Token,
            () => Store.AppendToStreamAsync(Stream("case-before"), ExpectedRevision.NoStream, Events.Some(2), bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-poisoned"), ExpectedRevision.NoStream, poisoned, bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-after"), ExpectedRevision.NoStream, Events.Some(1), bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-before"), ExpectedRevision.Exact(1), Events.Some(1), bound.Token));

        var error = await Assert.ThrowsAsync<PostgresException>(() => group[1]);
        Assert.Contains("poisoned", error.MessageText, StringComparison.Ordinal);
        Assert.Equal([1, 0, 2], new[] { await group[0], await group[2], await group[3] }.Select(r => r.NextExpectedRevision));
        Assert.Null(await Store.ReadEventAsync(poisoned[0].EventId, bound.Token));
        await AssertGapFreeAndProvenAsync(expectedCount: 2 + 1 + 1, bound.Token, positionsMaySkip: true);
    }

    [Fact]
    public async Task Given_an_append_waiting_for_its_group_when_its_caller_cancels_then_it_ends_at_once_and_is_not_written_while_a_taken_append_completes()
    {
        using var bound = Bound();
        await using var held = await HeldAppendLock.TakeAsync(Cluster.ConnectionString, Schema, bound.Token);
        using var takenCaller = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
        var taken = Store.AppendToStreamAsync(Stream("case-taken"), ExpectedRevision.NoStream, Events.Some(1), takenCaller.Token);
        await held.UntilAnAppendWaitsAsync(bound.Token);
        using var waitingCaller = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
        var givenUp = Events.Some(1);
        var waiting = Store.AppendToStreamAsync(Stream("case-given-up"), ExpectedRevision.NoStream, givenUp, waitingCaller.Token);
        var after = Store.AppendToStreamAsync(Stream("case-after"), ExpectedRevision.NoStream, Events.Some(1), bound.Token);

        await waitingCaller.CancelAsync();
        await takenCaller.CancelAsync();
        // the waiting caller's append ends while the lock is still held: it was never taken
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(bound.Token));
        await held.ReleaseAsync();

        var results = new[] { await taken, await after };
        Assert.Null(await Store.ReadEventAsync(givenUp[0].EventId, bound.Token));
        Assert.Equal(2, await TransactionsAsync(results, bound.Token));
        await AssertGapFreeAndProvenAsync(expectedCount: 2, bound.Token);
    }

    [Fact]
    public async Task Given_many_concurrent_writers_then_appends_share_commits_and_the_log_has_no_gap_and_proves_every_event()
    {
        using var bound = Bound();

        // the writers' first appends queue behind the held append lock, so that some share a commit however fast the
        // machine is; the rest meet as they come
        List<AppendResult> appends;
        await using (var held = await HeldAppendLock.TakeAsync(Cluster.ConnectionString, Schema, bound.Token))
        {
            using var firstSent = new CountdownEvent(ConcurrentWriters.Writers);
            var writing = ConcurrentWriters.AppendAsync(Store, bound.Token, firstSent);
            await Task.Run(() => firstSent.Wait(bound.Token), bound.Token);
            await held.UntilAnAppendWaitsAsync(bound.Token);
            await held.ReleaseAsync();
            appends = await writing;
        }

        var transactions = await TransactionsAsync(appends, bound.Token);
        Assert.True(transactions < appends.Count, $"{appends.Count} appends in {transactions} transactions: none shared a commit");
        await AssertGapFreeAndProvenAsync(expectedCount: ConcurrentWriters.EventCount, bound.Token);
        await ConcurrentWriters.AssertRevisionsWithoutHoleAsync(Store, appends, bound.Token);
    }

    /// <summary>
    /// Sends the appends while an earlier append is blocked on the held append lock, then lets it go: they queue behind
    /// it, and the turn after it commits them together. Returns each append's task, in the order given.
    /// </summary>
    private async Task<List<Task<AppendResult>>> InOneGroupAsync(CancellationToken cancellationToken, params Func<Task<AppendResult>>[] appends)
    {
        await using var held = await HeldAppendLock.TakeAsync(Cluster.ConnectionString, Schema, cancellationToken);
        var blocked = Store.AppendToStreamAsync(Stream($"case-blocked-{Guid.NewGuid():N}"), ExpectedRevision.NoStream, Events.Some(1), cancellationToken);
        await held.UntilAnAppendWaitsAsync(cancellationToken);
        var group = appends.Select(append => append()).ToList();
        await held.ReleaseAsync();
        await blocked;
        // until every append has its outcome, failed or not (WhenAny does not throw the failures)
        await Task.WhenAny(Task.WhenAll(group)).WaitAsync(cancellationToken);
        return group;
    }

    private Task AssertGapFreeAndProvenAsync(int expectedCount, CancellationToken cancellationToken, bool positionsMaySkip = false) =>
        GapFreeLog.AssertGapFreeAndProvenAsync(Store, expectedCount, cancellationToken, positionsMaySkip);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How many transactions wrote the events of these appends.</summary>
    private async Task<long> TransactionsAsync(IEnumerable<AppendResult> appends, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT count(DISTINCT transaction_id) FROM \"{Schema}\".events WHERE position = ANY($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.Position.Value).ToArray() });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<List<RecordedEvent>> ReadStreamAsync(string stream, CancellationToken cancellationToken) =>
        await Store.ReadStreamAsync(Stream(stream), Direction.Forwards, StreamRevision.Start, cancellationToken: cancellationToken).ToListAsync(cancellationToken);

    private static StreamName Stream(string name) => StreamName.Parse(name);

    private static CancellationTokenSource Bound() => new(TimeSpan.FromSeconds(120));
}
