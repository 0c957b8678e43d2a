using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

/// <summary>
/// Appends that name the revision they start at (no stream, an exact revision: what the server's commands send) are
/// checked on the server and written in one round trip; a failed check hands that append, and those after it, to the
/// decisions every other append gets, in the same transaction. So the answers are those of a lone append.
/// </summary>
public sealed partial class PostgresGroupCommit
{
    [Fact]
    public async Task An_append_that_names_its_first_revision_is_one_round_trip_and_one_that_does_not_is_two()
    {
        using var bound = Bound();
        // once before counting, as a server's appends are
        await Store.AppendToStreamAsync(Stream("case-warm"), ExpectedRevision.NoStream, Events.Some(1), bound.Token);

        var noStream = await NpgsqlCommands.RunByAsync(() => Store.AppendToStreamAsync(Stream("case-counted"), ExpectedRevision.NoStream, Events.Some(2), bound.Token));
        var exact = await NpgsqlCommands.RunByAsync(() => Store.AppendToStreamAsync(Stream("case-counted"), ExpectedRevision.Exact(1), Events.Some(1), bound.Token));
        var any = await NpgsqlCommands.RunByAsync(() => Store.AppendToStreamAsync(Stream("case-counted"), ExpectedRevision.Any, Events.Some(1), bound.Token));

        Assert.True(noStream.Count == 1, $"no stream: {string.Join(", ", noStream)}");
        Assert.True(exact.Count == 1, $"exact: {string.Join(", ", exact)}");
        Assert.True(any.Count == 2, $"any: {string.Join(", ", any)}");
        Assert.Equal(4, (await ReadStreamAsync("case-counted", bound.Token)).Count);
    }

    [Fact]
    public async Task Given_a_group_of_appends_naming_their_revisions_when_one_expects_a_wrong_revision_then_only_it_is_refused_and_the_others_commit_together_without_a_gap()
    {
        using var bound = Bound();
        await Store.AppendToStreamAsync(Stream("case-moved"), ExpectedRevision.NoStream, Events.Some(2), bound.Token);

        var group = await InOneGroupAsync(
            bound.Token,
            () => Store.AppendToStreamAsync(Stream("case-first"), ExpectedRevision.NoStream, Events.Some(2), bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-moved"), ExpectedRevision.Exact(0), Events.Some(1), bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-moved"), ExpectedRevision.Exact(1), Events.Some(1), bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-second"), ExpectedRevision.NoStream, Events.Some(3), bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-first"), ExpectedRevision.Exact(1), Events.Some(1), bound.Token));

        var refused = await Assert.ThrowsAsync<WrongExpectedRevisionException>(() => group[1]);
        Assert.Equal(1, refused.ActualRevision);
        var written = new[] { await group[0], await group[2], await group[3], await group[4] };
        Assert.Equal([1, 2, 2, 2], written.Select(r => r.NextExpectedRevision));
        Assert.Equal(1, await TransactionsAsync(written, bound.Token));
        // the refused check drew no position
        await AssertGapFreeAndProvenAsync(expectedCount: 2 + 2 + 1 + 3 + 1, bound.Token);
    }

    [Fact]
    public async Task Given_a_group_with_a_retry_of_a_committed_exact_append_whose_stream_has_moved_on_then_the_retry_gets_its_first_result()
    {
        using var bound = Bound();
        var retried = Events.Some(2);
        await Store.AppendToStreamAsync(Stream("case-retried"), ExpectedRevision.NoStream, Events.Some(1), bound.Token);
        var first = await Store.AppendToStreamAsync(Stream("case-retried"), ExpectedRevision.Exact(0), retried, bound.Token);
        await Store.AppendToStreamAsync(Stream("case-retried"), ExpectedRevision.Exact(2), Events.Some(1), bound.Token);

        var group = await InOneGroupAsync(
            bound.Token,
            () => Store.AppendToStreamAsync(Stream("case-before"), ExpectedRevision.NoStream, Events.Some(1), bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-retried"), ExpectedRevision.Exact(0), retried, bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-retried"), ExpectedRevision.Exact(3), Events.Some(1), bound.Token),
            () => Store.AppendToStreamAsync(Stream("case-after"), ExpectedRevision.NoStream, Events.Some(1), bound.Token));

        Assert.Equal(first, await group[1]);
        var written = new[] { await group[0], await group[2], await group[3] };
        Assert.Equal([0, 4, 0], written.Select(r => r.NextExpectedRevision));
        Assert.Equal(1, await TransactionsAsync(written, bound.Token));
        Assert.Equal(5, (await ReadStreamAsync("case-retried", bound.Token)).Count);
        await AssertGapFreeAndProvenAsync(expectedCount: 1 + 2 + 1 + 1 + 1 + 1, bound.Token);
    }

    [Fact]
    public async Task Given_concurrent_writers_to_one_stream_each_expecting_the_revision_it_read_then_every_revision_is_written_once_and_the_losers_are_refused()
    {
        using var bound = Bound();
        const int Writers = 8;
        const int AppendsEach = 8;
        var contended = Stream("case-contended");
        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(
            async () =>
            {
                var mine = new List<AppendResult>();
                while (mine.Count < AppendsEach)
                {
                    var read = await Store.GetStreamRevisionAsync(contended, bound.Token);
                    try
                    {
                        mine.Add(await Store.AppendToStreamAsync(contended, read is { } revision ? ExpectedRevision.Exact(revision) : ExpectedRevision.NoStream, Events.Some(1), bound.Token));
                    }
                    catch (WrongExpectedRevisionException ex)
                    {
                        // another writer got there first: read again
                        Assert.NotEqual(read, ex.ActualRevision);
                    }
                }

                return mine;
            },
            bound.Token)));

        var revisions = results.SelectMany(r => r).Select(r => r.NextExpectedRevision).Order().ToList();
        Assert.Equal(Enumerable.Range(0, Writers * AppendsEach).Select(r => (long)r), revisions);
        Assert.Equal(revisions, (await ReadStreamAsync(contended.Value, bound.Token)).Select(e => e.Revision));
        // refused appends drew no position
        await AssertGapFreeAndProvenAsync(expectedCount: Writers * AppendsEach, bound.Token);
    }
}
