using System.Collections.Concurrent;
using EventDialogue.EventStore.Tests.Fixtures;

namespace EventDialogue.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    private const int Writers = 6;
    private const int AppendsPerWriter = 120;

    /// <summary>
    /// The test that would catch a skipped position: while writers commit concurrently, one follower subscribes and
    /// another pages through $all continuing from the last position it saw. Both must end up with every acknowledged
    /// event exactly once, in position order.
    /// </summary>
    [Fact]
    public Task Given_concurrent_writers_when_followers_read_all_then_each_sees_every_acknowledged_event_exactly_once_in_order() =>
        FollowWhileWritingAsync(async (writer, acknowledged, cancellationToken) =>
        {
            for (var i = 0; i < AppendsPerWriter; i++)
            {
                // a mix of own streams and a stream every writer shares, single events and small batches
                var stream = i % 4 == 0 ? Stream("round-shared") : Stream($"case-w{writer}-{i % 3}");
                var events = Events.Some(1 + (i % 3));
                await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, events, cancellationToken);
                foreach (var e in events)
                {
                    acknowledged.Add(e.EventId);
                }
            }
        });

    /// <summary>
    /// The same, with every append naming the revision it starts at, as the server's commands do (on PostgreSQL such
    /// appends take another way: checked and written in one statement on the server), mostly single events.
    /// </summary>
    [Fact]
    public Task Given_concurrent_writers_naming_their_revisions_when_followers_read_all_then_each_sees_every_acknowledged_event_exactly_once_in_order() =>
        FollowWhileWritingAsync(async (writer, acknowledged, cancellationToken) =>
        {
            var revisions = new Dictionary<string, long>();
            for (var i = 0; i < AppendsPerWriter; i++)
            {
                var stream = Stream($"case-w{writer}-{i % 3}");
                var events = Events.Some(i % 5 == 4 ? 2 : 1);
                var expected = revisions.TryGetValue(stream.Value, out var revision) ? ExpectedRevision.Exact(revision) : ExpectedRevision.NoStream;
                var result = await Store.AppendToStreamAsync(stream, expected, events, cancellationToken);
                revisions[stream.Value] = result.NextExpectedRevision;
                foreach (var e in events)
                {
                    acknowledged.Add(e.EventId);
                }
            }
        });

    private async Task FollowWhileWritingAsync(Func<int, ConcurrentBag<Guid>, CancellationToken, Task> write)
    {
        using var bound = Bound(180);
        var acknowledged = new ConcurrentBag<Guid>();

        // Appended once every writer is acknowledged, so it comes after all their events: followers stop at it.
        var last = Events.One("FollowersMayStop");

        var subscriber = Task.Run(async () =>
        {
            var seen = new List<RecordedEvent>();
            await foreach (var e in Store.SubscribeToAllAsync(Position.Start, AllFilter.None, bound.Token))
            {
                seen.Add(e);
                if (e.EventId == last.EventId)
                {
                    return seen;
                }
            }

            return seen;
        });

        var pager = Task.Run(async () =>
        {
            var seen = new List<RecordedEvent>();
            var checkpoint = Position.Start;
            while (seen.Count == 0 || seen[^1].EventId != last.EventId)
            {
                bound.Token.ThrowIfCancellationRequested();
                await foreach (var e in Store.ReadAllAsync(checkpoint, AllFilter.None, 7, bound.Token))
                {
                    seen.Add(e);
                    checkpoint = e.Position;
                }
            }

            return seen;
        });

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(() => write(writer, acknowledged, bound.Token))));
        await Store.AppendToStreamAsync(Stream("test-end"), ExpectedRevision.NoStream, [last], bound.Token);
        acknowledged.Add(last.EventId);

        foreach (var seen in await Task.WhenAll(subscriber, pager))
        {
            Assert.Equal(seen.Count, seen.Select(e => e.EventId).Distinct().Count());
            Assert.True(acknowledged.ToHashSet().SetEquals(seen.Select(e => e.EventId)), $"a follower saw {seen.Count} events of {acknowledged.Count} acknowledged");
            Assert.Equal(seen.Select(e => e.Position).Order(), seen.Select(e => e.Position));
        }
    }
}
