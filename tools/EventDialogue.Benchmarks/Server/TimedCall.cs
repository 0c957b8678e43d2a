namespace EventDialogue.Benchmarks.Server;

/// <summary>
/// One kind of call to the server. <see cref="InvokeAsync"/> makes the i-th call (the index picks which round, case or
/// query, so the calls do not all hit one row) and returns the size of the response message in bytes.
/// </summary>
internal sealed record TimedCall(string Name, Func<int, CancellationToken, Task<int>> InvokeAsync);
