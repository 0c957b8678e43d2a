using EventDialogue.EventStore.Sqlite;
using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>
/// On SQLite, appends that arrive while another commits share one transaction and one flush (group commit). Each must
/// still be judged as if it came alone: a refused append fails alone, a retry gets its first result, a caller that gives
/// up while waiting writes nothing; and the log has no gap and a tree that proves every event.
/// A group is made by holding the file's write turn with a view transaction: the first append waits for it, and the
/// appends sent meanwhile queue (an append is queued by the time its call returns its task) and commit together next.
/// </summary>
public sealed class SqliteGroupCommit : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"eventdialogue-group-{Guid.NewGuid():N}");
    private SqliteEventStore _store = null!;
    private SqliteViewStore _views = null!;

    private string DatabasePath => Path.Combine(_directory, "events.sqlite");

    public Task InitializeAsync()
    {
        _store = SqliteEventStore.Open(DatabasePath);
        _views = SqliteViewStore.Open(DatabasePath);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _views.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Given_a_group_with_a_wrong_expected_revision_and_an_id_reused_with_other_data_then_only_those_fail_and_the_rest_commit_together()
    {
        using var bound = Bound();
        var existing = Events.Some(2);
        await _store.AppendToStreamAsync(Stream("case-existing"), ExpectedRevision.NoStream, existing, bound.Token);
        var reused = existing[0] with { Data = """{"note":"other"}""" };

        var (group, commits) = await InOneGroupAsync(
            bound.Token,
            () => _store.AppendToStreamAsync(Stream("case-first"), ExpectedRevision.NoStream, Events.Some(2), bound.Token),
            () => _store.AppendToStreamAsync(Stream("case-existing"), ExpectedRevision.NoStream, Events.Some(1), bound.Token),
            () => _store.AppendToStreamAsync(Stream("case-existing"), ExpectedRevision.Any, [reused], bound.Token),
            () => _store.AppendToStreamAsync(Stream("case-second"), ExpectedRevision.NoStream, Events.Some(3), bound.Token),
            // sent after the group's first append to the same stream, so it expects the revision that one leaves
            () => _store.AppendToStreamAsync(Stream("case-first"), ExpectedRevision.Exact(1), Events.Some(1), bound.Token));

        await Assert.ThrowsAsync<WrongExpectedRevisionException>(() => group[1]);
        await Assert.ThrowsAsync<DuplicateEventIdException>(() => group[2]);
        var written = new[] { await group[0], await group[3], await group[4] };
        Assert.Equal([1, 2, 2], written.Select(r => r.NextExpectedRevision));
        Assert.Equal(existing.Select(e => e.EventId), await EventIdsAsync("case-existing", bound.Token));
        Assert.Equal(1, commits);
        await GapFreeLog.AssertGapFreeAndProvenAsync(_store, expectedCount: 2 + 2 + 3 + 1, bound.Token);
    }

    [Fact]
    public async Task Given_a_group_with_a_retry_of_a_committed_append_and_the_same_new_append_sent_twice_then_each_gets_the_first_result_and_nothing_is_written_twice()
    {
        using var bound = Bound();
        var committed = Events.Some(2);
        var first = await _store.AppendToStreamAsync(Stream("case-retried"), ExpectedRevision.NoStream, committed, bound.Token);
        var twice = Events.Some(2);

        var (group, commits) = await InOneGroupAsync(
            bound.Token,
            () => _store.AppendToStreamAsync(Stream("case-retried"), ExpectedRevision.NoStream, committed, bound.Token),
            () => _store.AppendToStreamAsync(Stream("case-twice"), ExpectedRevision.NoStream, twice, bound.Token),
            () => _store.AppendToStreamAsync(Stream("case-twice"), ExpectedRevision.NoStream, twice, bound.Token),
            () => _store.AppendToStreamAsync(Stream("case-other"), ExpectedRevision.NoStream, Events.Some(1), bound.Token));

        Assert.Equal(first, await group[0]);
        Assert.Equal(await group[1], await group[2]);
        Assert.Equal(1, commits);
        Assert.Equal(twice.Select(e => e.EventId), await EventIdsAsync("case-twice", bound.Token));
        await GapFreeLog.AssertGapFreeAndProvenAsync(_store, expectedCount: 2 + 2 + 1, bound.Token);
    }

    [Fact]
    public async Task Given_an_append_waiting_for_its_group_when_its_caller_cancels_then_it_ends_at_once_and_is_not_written_while_a_taken_append_completes()
    {
        using var bound = Bound();
        var turn = await _views.BeginAsync(["group-commit-test"], bound.Token);
        using var takenCaller = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
        var taken = _store.AppendToStreamAsync(Stream("case-taken"), ExpectedRevision.NoStream, Events.Some(1), takenCaller.Token);
        using var waitingCaller = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
        var givenUp = Events.Some(1);
        var waiting = _store.AppendToStreamAsync(Stream("case-given-up"), ExpectedRevision.NoStream, givenUp, waitingCaller.Token);
        var after = _store.AppendToStreamAsync(Stream("case-after"), ExpectedRevision.NoStream, Events.Some(1), bound.Token);

        await waitingCaller.CancelAsync();
        await takenCaller.CancelAsync();
        // the waiting caller's append ends while the write turn is still held: it was never taken
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(bound.Token));
        await turn.DisposeAsync();

        await taken;
        await after;
        Assert.Null(await _store.ReadEventAsync(givenUp[0].EventId, bound.Token));
        await GapFreeLog.AssertGapFreeAndProvenAsync(_store, expectedCount: 2, bound.Token);
    }

    [Fact]
    public async Task Given_many_concurrent_writers_then_appends_share_commits_and_the_log_has_no_gap_and_proves_every_event()
    {
        using var bound = Bound();
        var before = _store.AppendCommits;

        // the writers' first appends queue behind a held write turn, so that some share a commit however fast the disk
        // is; the rest meet as they come
        var turn = await _views.BeginAsync(["group-commit-test"], bound.Token);
        using var firstSent = new CountdownEvent(ConcurrentWriters.Writers);
        var writing = ConcurrentWriters.AppendAsync(_store, bound.Token, firstSent);
        await Task.Run(() => firstSent.Wait(bound.Token), bound.Token);
        await turn.DisposeAsync();
        var appends = await writing;

        var commits = _store.AppendCommits - before;
        Assert.True(commits < appends.Count, $"{appends.Count} appends in {commits} commits: none shared one");
        await GapFreeLog.AssertGapFreeAndProvenAsync(_store, expectedCount: ConcurrentWriters.EventCount, bound.Token);
        await ConcurrentWriters.AssertRevisionsWithoutHoleAsync(_store, appends, bound.Token);
    }

    /// <summary>
    /// Sends the appends while an earlier append waits for the write turn, held by a view transaction, then lets it go:
    /// they queue behind it, and the turn after it commits them together. Returns each append's task, in the order
    /// given, and how many transactions they were committed in.
    /// </summary>
    private async Task<(List<Task<AppendResult>> Group, long Commits)> InOneGroupAsync(CancellationToken cancellationToken, params Func<Task<AppendResult>>[] appends)
    {
        var turn = await _views.BeginAsync(["group-commit-test"], cancellationToken);
        var blocked = _store.AppendToStreamAsync(Stream($"case-blocked-{Guid.NewGuid():N}"), ExpectedRevision.NoStream, Events.Some(1), cancellationToken);
        var group = appends.Select(append => append()).ToList();
        var before = _store.AppendCommits;
        await turn.DisposeAsync();
        await blocked;
        // until every append has its outcome, failed or not (WhenAny does not throw the failures)
        await Task.WhenAny(Task.WhenAll(group)).WaitAsync(cancellationToken);
        // the blocked append committed alone, first
        return (group, _store.AppendCommits - before - 1);
    }

    private async Task<List<Guid>> EventIdsAsync(string stream, CancellationToken cancellationToken) =>
        await _store.ReadStreamAsync(Stream(stream), Direction.Forwards, StreamRevision.Start, cancellationToken: cancellationToken).Select(e => e.EventId).ToListAsync(cancellationToken);

    private static StreamName Stream(string name) => StreamName.Parse(name);

    private static CancellationTokenSource Bound() => new(TimeSpan.FromSeconds(120));
}
