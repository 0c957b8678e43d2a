using EventDialogue.EventStore;

namespace EventDialogue.Projections.Engine;

/// <summary>The committed checkpoint of one projection, which readers can wait on (read-your-writes).</summary>
public sealed class CheckpointWatch
{
    private readonly Lock _gate = new();
    private Position _checkpoint;
    private ProjectionFailure? _failure;
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

    public void Publish(Position checkpoint) => Change(checkpoint, null);

    /// <summary>
    /// A checkpoint committed by another process: moves the watch forward only, since notices may arrive late and out
    /// of turn with what this process already knows.
    /// </summary>
    public void Advance(Position checkpoint)
    {
        TaskCompletionSource moved;
        lock (_gate)
        {
            if (checkpoint <= _checkpoint)
            {
                return;
            }

            _checkpoint = checkpoint;
            moved = _moved;
            _moved = NewSource();
        }

        moved.TrySetResult();
    }

    /// <summary>The projection stopped at a poison event: waiting readers are told at once, not at their deadline.</summary>
    public void Stop(ProjectionFailure failure) => Change(Checkpoint, failure);

    private void Change(Position checkpoint, ProjectionFailure? failure)
    {
        TaskCompletionSource moved;
        lock (_gate)
        {
            _checkpoint = checkpoint;
            _failure = failure;
            moved = _moved;
            _moved = NewSource();
        }

        moved.TrySetResult();
    }

    /// <summary>
    /// Completes once the checkpoint is at or past <paramref name="position"/>; throws when cancelled, or
    /// <see cref="ProjectionStoppedException"/> when the projection is stopped before reaching it.
    /// </summary>
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

                if (_failure is { } failure)
                {
                    throw new ProjectionStoppedException(failure);
                }

                moved = _moved.Task;
            }

            await moved.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class ProjectionStoppedException(ProjectionFailure failure)
    : Exception($"the projection stopped at position {failure.Position} ({failure.EventType} in {failure.Stream}): {failure.Error}")
{
    public ProjectionFailure Failure { get; } = failure;
}
