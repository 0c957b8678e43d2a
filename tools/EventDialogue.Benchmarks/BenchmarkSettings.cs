namespace EventDialogue.Benchmarks;

/// <summary>What to run, as parsed from the command line.</summary>
/// <param name="Backends">"sqlite" and/or "postgres".</param>
/// <param name="PostgresConnectionString">Required for postgres; each run works in a fresh schema that it drops.</param>
/// <param name="WorkDirectory">Where the SQLite files go (in a subfolder deleted at the end).</param>
/// <param name="Events">Events per round of single-event appends.</param>
/// <param name="BatchEvents">Events per round of batched appends.</param>
/// <param name="BatchSize">Events per batched append.</param>
/// <param name="Writers">The numbers of concurrent writers to measure.</param>
/// <param name="PageSize">Events per ReadAllAsync call when reading $all.</param>
/// <param name="Rounds">Measured rounds per scenario, each running both sides back to back.</param>
/// <param name="WarmupEvents">Events appended (by each side) before a scenario's measured rounds.</param>
/// <param name="Markdown">Print the table with Markdown borders, for pasting into docs.</param>
internal sealed record BenchmarkSettings(
    IReadOnlyList<string> Backends,
    string? PostgresConnectionString,
    string WorkDirectory,
    long Events,
    long BatchEvents,
    int BatchSize,
    IReadOnlyList<int> Writers,
    int PageSize,
    int Rounds,
    long WarmupEvents,
    bool Markdown);
