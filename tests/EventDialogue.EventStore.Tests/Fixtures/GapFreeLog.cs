using EventDialogue.EventStore.Integrity;

namespace EventDialogue.EventStore.Tests.Fixtures;

/// <summary>What a log written by concurrent appends must still be: without a gap, and proving every event.</summary>
internal static class GapFreeLog
{
    /// <summary>
    /// Every event of $all at consecutive positions (unless an insert failed after drawing some), and at consecutive
    /// leaves, each one's inclusion in the stored tree proven against its root; <paramref name="expectedCount"/> of them
    /// outside the streams named <c>case-blocked-…</c> (the appends a test blocks to make a group).
    /// </summary>
    public static async Task AssertGapFreeAndProvenAsync<TStore>(TStore store, int expectedCount, CancellationToken cancellationToken, bool positionsMaySkip = false)
        where TStore : IEventStore, ILogTree
    {
        var log = await store.ReadAllAsync(Position.Start, AllFilter.None, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var counted = log.Count(e => !e.Stream.Value.StartsWith("case-blocked-", StringComparison.Ordinal));
        Assert.Equal(expectedCount, counted);
        if (!positionsMaySkip)
        {
            Assert.Equal(Enumerable.Range(0, log.Count).Select(i => log[0].Position.Value + i), log.Select(e => e.Position.Value));
        }

        var head = await store.ReadTreeHeadAsync(cancellationToken);
        Assert.Equal(log.Count, head.Size);
        var tree = new MerkleTree(store.ReadSubtreeHashesAsync);
        for (var leaf = 0; leaf < log.Count; leaf++)
        {
            var path = await tree.InclusionProofAsync(leaf, head.Size, cancellationToken);
            Assert.True(MerkleProofs.VerifyInclusion(leaf, head.Size, CanonicalEvent.LeafHash(log[leaf]), path, head.RootHash), $"leaf {leaf} (position {log[leaf].Position}) does not prove its inclusion");
        }
    }
}
