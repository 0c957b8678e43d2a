using EventDialogue.EventStore;

namespace EventDialogue.Projections.Coordination;

/// <summary>A store only one process can open (SQLite): that process always leads, and there is nobody to hear from.</summary>
public sealed class SingleProcessCoordination : IProjectionCoordination
{
    public bool IsConnected => true;

    public event Action<string, Position>? CheckpointCommitted
    {
        add { }
        remove { }
    }

    public Task<CancellationToken> LeadAsync(CancellationToken cancellationToken) => Task.FromResult(CancellationToken.None);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
