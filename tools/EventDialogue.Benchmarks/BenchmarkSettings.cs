namespace EventDialogue.Benchmarks;

/// <summary>What to run, as parsed from the command line.</summary>
/// <param name="Backends">"sqlite" and/or "postgres".</param>
/// <param name="PostgresConnectionString">Required for postgres; each run works in fresh schemas that it drops.</param>
/// <param name="WorkDirectory">Where the SQLite files go (in a subfolder deleted at the end).</param>
/// <param name="Parts">Which parts to measure: the store's appends and reads, the view rebuild, the view latency.</param>
/// <param name="Events">Events per round of single-event appends.</param>
/// <param name="BatchEvents">Events per round of batched appends.</param>
/// <param name="BatchSize">Events per batched append.</param>
/// <param name="Writers">The numbers of concurrent writers to measure.</param>
/// <param name="PageSize">Events per ReadAllAsync call when reading $all.</param>
/// <param name="Rounds">Measured rounds per store scenario, each running both sides back to back.</param>
/// <param name="WarmupEvents">Events appended (by each side) before a scenario's measured rounds.</param>
/// <param name="HistoryScale">Size of the generated domain history (1 is about 10,600 events).</param>
/// <param name="RebuildRounds">Measured rounds of the view rebuild, each beside a plain scan.</param>
/// <param name="Projections">The projections to rebuild; empty for all, as the server runs them.</param>
/// <param name="Calls">Measured calls of each kind in the view-latency part.</param>
/// <param name="WarmupCalls">Calls of each kind before the measured ones.</param>
/// <param name="AnalysisCalls">Measured calls of each kind in the analysis part.</param>
/// <param name="AnalysisWarmupCalls">Calls of each kind before those.</param>
/// <param name="Statements">Statements recorded through the server in the recording part, for each number of writers.</param>
/// <param name="Stretch">Statements per reported stretch of the recording part.</param>
/// <param name="RecordWarmup">Statements recorded about another round before the recording part's measured ones.</param>
/// <param name="PerCall">Statements per recording call, in order (1: RecordStatement; more: RecordRequests).</param>
/// <param name="ReplayRounds">Measured rounds of the replay through ReadAll, each beside the store's own read.</param>
/// <param name="SlowClientRate">Events per second the deliberately slow client of the replay part reads.</param>
/// <param name="Markdown">Print the tables with Markdown borders, for pasting into docs.</param>
internal sealed record BenchmarkSettings(
    IReadOnlyList<string> Backends,
    string? PostgresConnectionString,
    string WorkDirectory,
    IReadOnlyList<string> Parts,
    long Events,
    long BatchEvents,
    int BatchSize,
    IReadOnlyList<int> Writers,
    int PageSize,
    int Rounds,
    long WarmupEvents,
    int HistoryScale,
    int RebuildRounds,
    IReadOnlyList<string> Projections,
    int Calls,
    int WarmupCalls,
    int AnalysisCalls,
    int AnalysisWarmupCalls,
    long Statements,
    long Stretch,
    long RecordWarmup,
    IReadOnlyList<int> PerCall,
    int ReplayRounds,
    double SlowClientRate,
    bool Markdown);
