using EventDialogue.EventStore;

namespace EventDialogue.Server.Tests.Faults;

/// <summary>Reads the whole log from the store itself, not through the server, and holds it to what was acknowledged.</summary>
internal static class WrittenOnce
{
    /// <summary>
    /// Every acknowledged statement is in the log exactly once, where its acknowledgement said, and the log holds
    /// nothing else but the <paramref name="setUp"/> requests': no duplicate, no orphan of a request nobody saw answered.
    /// </summary>
    /// <returns>The log's length.</returns>
    public static async Task<int> AssertAsync(IEventStore store, IReadOnlyCollection<Acknowledged> writes, IReadOnlySet<string> setUp)
    {
        var log = new List<RecordedEvent>();
        await foreach (var recorded in store.ReadAllAsync(Position.Start, AllFilter.None))
        {
            log.Add(recorded);
        }

        var byRequest = log.GroupBy(e => e.Metadata.CorrelationId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var duplicated = byRequest.Where(g => g.Value.Count > 1).Select(g => $"{g.Key} ×{g.Value.Count}").ToList();
        Assert.True(duplicated.Count == 0, $"requests recorded more than once: {string.Join(", ", duplicated.Take(5))}");

        var expected = writes.Select(w => w.Request.RequestId).Concat(setUp).ToHashSet(StringComparer.Ordinal);
        var orphans = byRequest.Keys.Where(id => !expected.Contains(id)).ToList();
        Assert.True(orphans.Count == 0, $"events of requests never acknowledged: {string.Join(", ", orphans.Take(5))}");

        foreach (var write in writes)
        {
            Assert.True(byRequest.TryGetValue(write.Request.RequestId, out var events), $"acknowledged {write.Request.RequestId} (position {write.Result.Position}) is not in the log");
            var recorded = events.Single();
            Assert.Equal(write.Result.Position, recorded.Position.Value);
            Assert.Equal(write.Result.Stream, recorded.Stream.Value);
            Assert.Equal(write.Result.Revision, recorded.Revision);
            Assert.Equal("StatementRecorded", recorded.Type);
            Assert.Contains(write.Request.RequestId, recorded.Data, StringComparison.Ordinal);
        }

        return log.Count;
    }
}
