using EventDialogue.Benchmarks.Workload;

namespace EventDialogue.Benchmarks.Backends;

/// <summary>One writer's way of appending: through our store, or with plain INSERTs into the baseline table.</summary>
internal interface IAppender : IAsyncDisposable
{
    Task AppendAsync(PlannedAppend append, CancellationToken cancellationToken);
}
