using EventDialogue.EventStore;

namespace EventDialogue.Projections.Engine;

/// <summary>The committed checkpoint of one projection, which readers can wait on (read-your-writes).</summary>
public sealed class CheckpointWatch
{
    private readonly Lock _gate = new();
    private Position _checkpoint;
    private TaskCompletionSource _moved = NewSource();

    public Position Checkpoint
    {
        get
        {
            lock (_gate)
            {
                return _checkpoint;
            }
        }
    }

    public void Publish(Position checkpoint)
    {
        TaskCompletionSource moved;
        lock (_gate)
        {
            _checkpoint = checkpoint;
            moved = _moved;
            _moved = NewSource();
        }

        moved.TrySetResult();
    }

    /// <summary>Completes once the checkpoint is at or past <paramref name="position"/>; throws when cancelled.</summary>
    public async Task WaitForAsync(Position position, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task moved;
            lock (_gate)
            {
                if (_checkpoint >= position)
                {
                    return;
                }

                moved = _moved.Task;
            }

            await moved.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
