using EventDialogue.EventStore;

namespace EventDialogue.Benchmarks.Backends;

/// <summary>A database under test: our store on it, and the raw baseline measured against the same database.</summary>
internal interface IBenchmarkBackend : IAsyncDisposable
{
    string Name { get; }

    IEventStore Store { get; }

    /// <summary>The database's version and durability settings, as the database itself reports them.</summary>
    Task<string> DescribeAsync(CancellationToken cancellationToken);

    /// <summary>What the baseline does, in a line, for the report.</summary>
    string BaselineDescription { get; }

    /// <summary>Opens one baseline writer; opening is done before the clock starts.</summary>
    Task<IAppender> OpenBaselineAppenderAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads every row of the store's own events table with one plain <c>SELECT ... ORDER BY position</c>,
    /// materialising the same fields our reader returns.
    /// </summary>
    Task<ScanTotals> ScanStoreTableAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens the stores of a second database, beside the first, that holds only domain events and their views: the
    /// append scenarios write events no projection can apply, and a projection stops at the first of those.
    /// </summary>
    Task<HistoryStores> OpenHistoryAsync(CancellationToken cancellationToken);

    /// <summary>The same plain scan as <see cref="ScanStoreTableAsync"/>, of the history database's events table.</summary>
    Task<ScanTotals> ScanHistoryTableAsync(CancellationToken cancellationToken);

    /// <summary>The configuration that runs the real server on the history database.</summary>
    ServerStoreSettings HistoryServerSettings { get; }

    /// <summary>The configuration that runs the real server on a new, empty database of its own, removed at the end.</summary>
    ServerStoreSettings FreshServerSettings(string name);
}
