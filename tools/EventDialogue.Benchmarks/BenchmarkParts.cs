namespace EventDialogue.Benchmarks;

/// <summary>The parts of a run, which <c>--measure</c> picks from.</summary>
internal static class BenchmarkParts
{
    /// <summary>Appends and $all reads through the store, against raw SQL.</summary>
    public const string Store = "store";

    /// <summary>Every view rebuilt from position 0, against a raw read of the same events.</summary>
    public const string Rebuild = "rebuild";

    /// <summary>View reads on the real server, against a near-empty call.</summary>
    public const string Latency = "latency";

    /// <summary>Statements recorded through the real server, stretch by stretch, on a new database.</summary>
    public const string Recording = "recording";

    /// <summary>The whole log replayed through the server's ReadAll, against the store's own read; and a slow client's replay, watching the server's memory.</summary>
    public const string Replay = "replay";

    /// <summary>The log's Merkle tree as an auditor uses it: proof latency against the empty call, and the CLI's full verification against a plain ReadAll replay.</summary>
    public const string Integrity = "integrity";

    /// <summary>GetScorecard over more than 10,000 generated commitments on the real server, against the empty call. Not run by default: the history it adds takes minutes to append.</summary>
    public const string Analysis = "analysis";

    /// <summary>What a run measures when <c>--measure</c> is not given.</summary>
    public static IReadOnlyList<string> Default { get; } = [Store, Rebuild, Latency, Recording, Replay, Integrity];

    public static IReadOnlyList<string> All { get; } = [.. Default, Analysis];

    /// <summary>The parts that need the generated domain history, appended and projected once per backend.</summary>
    public static IReadOnlyList<string> OnHistory { get; } = [Rebuild, Latency, Replay, Integrity, Analysis];
}
