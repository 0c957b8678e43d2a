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
}
