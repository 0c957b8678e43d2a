namespace EventDialogue.EventStore.Subscriptions;

/// <summary>
/// Wakes live subscribers when this process has committed (or abandoned) an append.
/// A subscriber takes <see cref="Next"/> before it reads, so a commit between its read and its wait is never missed.
/// </summary>
public sealed class AppendSignal
{
    private TaskCompletionSource _next = NewSource();

    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
