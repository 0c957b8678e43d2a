using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.Projections.Storage;

namespace EventDialogue.Projections.Engine;

/// <summary>
/// A view's logic, written once for every backend: it turns the events of $all into changes of its documents.
/// It must be deterministic, so that a rebuild from zero comes out identical to the incrementally built view.
/// </summary>
public interface IProjection
{
    /// <summary>A stable name; its checkpoint is stored under it.</summary>
    string Name { get; }

    /// <summary>The collections it owns, dropped when it is rebuilt.</summary>
    IReadOnlyList<string> Collections { get; }

    /// <summary>Starts applying a batch of events inside one view transaction.</summary>
    IProjectionBatch Begin(IViewTransaction views);

    /// <summary>
    /// Whether its documents can depend on the events of this stream: the runner parses and applies only those, and
    /// tells the batch of the others by their position alone (<see cref="IProjectionBatch.Passed"/>).
    /// </summary>
    bool Follows(StreamName stream) => true;
}

/// <summary>The events of one transaction: applied one by one, then flushed before the commit.</summary>
public interface IProjectionBatch
{
    Task ApplyAsync(ProjectedEvent projected, CancellationToken cancellationToken);

    /// <summary>An event of a stream the projection does not follow went by, in order with those applied.</summary>
    void Passed(Position position)
    {
    }

    /// <summary>Writes whatever the projection deferred to the end of the batch.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}

/// <summary>An event of $all with its domain meaning.</summary>
public sealed record ProjectedEvent(RecordedEvent Recorded, IDomainEvent Fact);
