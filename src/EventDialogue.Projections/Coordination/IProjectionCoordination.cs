using EventDialogue.EventStore;

namespace EventDialogue.Projections.Coordination;

/// <summary>
/// Several server processes on one database: which of them runs the projections (exactly one at a time), and how the
/// others learn how far the views are, so that they can serve reads that wait for a position.
/// </summary>
public interface IProjectionCoordination : IAsyncDisposable
{
    /// <summary>
    /// Completes once this process leads: it alone may run the projections until the returned token is cancelled
    /// (its claim was lost, say with its connection). Call again to wait for the next term.
    /// </summary>
    Task<CancellationToken> LeadAsync(CancellationToken cancellationToken);

    /// <summary>False while this process cannot hear about checkpoints committed by others (its connection is down).</summary>
    bool IsConnected { get; }

    /// <summary>A projection's checkpoint, as committed by any process of the group, in commit order.</summary>
    event Action<string, Position>? CheckpointCommitted;
}
