namespace EventDialogue.EventStore.GroupCommit;

/// <summary>
/// One caller's append while it waits in the <see cref="AppendQueue"/>: what to append, and the caller's outcome, which
/// whoever commits the append's group sets (or the caller's cancellation, while the append is not yet taken).
/// </summary>
internal sealed class PendingAppend(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventData> events)
{
    private readonly TaskCompletionSource<AppendResult> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamName Stream { get; } = stream;

    public ExpectedRevision Expected { get; } = expected;

    public IReadOnlyList<EventData> Events { get; } = events;

    /// <summary>
    /// The revision the append's first event gets if it is written at all, when the expectation names it (no stream: 0;
    /// exact n: n + 1); null for any and stream-exists, which leave it to the stream's state.
    /// </summary>
    public long? KnownFirstRevision { get; } = expected == ExpectedRevision.NoStream ? 0 : expected.IsExact ? expected.Value + 1 : null;

    public Task<AppendResult> Outcome => _outcome.Task;

    /// <summary>Completed when this caller is to take the queue and commit it (see <see cref="AppendQueue"/>).</summary>
    public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set, under the queue's lock, once a group holds the append: from then on it completes, whatever the caller does.</summary>
    public bool Taken { get; set; }

    public void Succeed(AppendResult result) => _outcome.TrySetResult(result);

    public void Fail(Exception error) => _outcome.TrySetException(error);

    public void Cancel(CancellationToken cancellationToken) => _outcome.TrySetCanceled(cancellationToken);
}
