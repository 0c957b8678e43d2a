namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>
/// Many writers appending at once, as a group commit meets them: sixteen writers, ten appends each of one to three
/// events, writers in pairs sharing streams so that appends to one stream meet in a group.
/// </summary>
internal static class ConcurrentWriters
{
    public const int Writers = 16;
    private const int AppendsEach = 10;

    /// <summary>How many events <see cref="AppendAsync"/> writes.</summary>
    public static int EventCount => Writers * Enumerable.Range(0, AppendsEach).Sum(EventsOf);

    /// <param name="firstSent">Signalled by each writer once its first append is sent (its task returned), before it waits for it.</param>
    public static async Task<List<AppendResult>> AppendAsync(IEventStore store, CancellationToken cancellationToken, CountdownEvent? firstSent = null)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(
            async () =>
            {
                var mine = new List<AppendResult>();
                for (var a = 0; a < AppendsEach; a++)
                {
                    var stream = StreamName.Parse($"case-writer-{w / 2}-{a % 3}");
                    var appending = store.AppendToStreamAsync(stream, ExpectedRevision.Any, Events.Some(EventsOf(a)), cancellationToken);
                    if (a == 0)
                    {
                        firstSent?.Signal();
                    }

                    mine.Add(await appending);
                }

                return mine;
            },
            cancellationToken)));
        return [.. results.SelectMany(r => r)];
    }

    /// <summary>Each stream the appends wrote to holds revisions 0, 1, 2… without a hole.</summary>
    public static async Task AssertRevisionsWithoutHoleAsync(IEventStore store, IEnumerable<AppendResult> appends, CancellationToken cancellationToken)
    {
        foreach (var stream in appends.Select(r => r.Stream).Distinct())
        {
            var revisions = await store.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.Start, cancellationToken: cancellationToken).Select(e => e.Revision).ToListAsync(cancellationToken);
            Assert.Equal(Enumerable.Range(0, revisions.Count).Select(r => (long)r), revisions);
        }
    }

    private static int EventsOf(int append) => 1 + (append % 3);
}
