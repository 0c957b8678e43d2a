using EventDialogue.EventStore;

namespace EventDialogue.Projections.Engine;

/// <summary>The committed checkpoint of one projection, which readers can wait on (read-your-writes).</summary>
public sealed class CheckpointWatch
{
    private readonly Lock _gate = new();
    private Position _checkpoint;
    private ProjectionFailure? _failure;
    private TaskCompletionSource _moved = NewSource();
    private TaskCompletionSource _wanted = NewSource();
    private int _waiting;

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

    /// <summary>
    /// Completes once a reader waits for a checkpoint this watch has not reached (at once if one already does): a
    /// runner gathering events for its next commit commits what it holds instead.
    /// </summary>
    public Task Wanted
    {
        get
        {
            lock (_gate)
            {
                return _waiting > 0 ? Task.CompletedTask : _wanted.Task;
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
        var waiting = false;
        try
        {
            while (true)
            {
                Task moved;
                TaskCompletionSource? wanted = null;
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
                    if (!waiting)
                    {
                        waiting = true;
                        _waiting++;
                        wanted = _wanted;
                        _wanted = NewSource();
                    }
                }

                wanted?.TrySetResult();
                await moved.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (waiting)
            {
                lock (_gate)
                {
                    _waiting--;
                }
            }
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class ProjectionStoppedException(ProjectionFailure failure)
    : Exception($"the projection stopped at position {failure.Position} ({failure.EventType} in {failure.Stream}): {failure.Error}")
{
    public ProjectionFailure Failure { get; } = failure;
}
